using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace LossGen.Training;

/// <summary>Work cut into numbered chunks; <see cref="ChunkRunner"/> calls <see cref="Run"/> once per chunk.</summary>
internal interface IChunkWork
{
    /// <summary>Processes <paramref name="chunk"/> on the thread numbered <paramref name="worker"/> (0 = the caller).</summary>
    void Run(int chunk, int worker);
}

/// <summary>
/// A fixed set of background threads that run the chunks of one call and then sleep. Unlike
/// <c>Parallel.For</c> it allocates nothing per call: the threads, the gate and the counters live as long
/// as the runner. The caller's thread takes part (it is worker 0). Which thread runs which chunk varies;
/// callers make results independent of that by writing each chunk's result to its own place.
/// </summary>
internal sealed class ChunkRunner : IDisposable
{
    private readonly object _gate = new();
    private readonly Thread[] _threads;
    private IChunkWork? _work;
    private int _chunks;
    private int _next;
    private int _pending;
    private long _generation;
    private bool _disposed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Creates a runner for <paramref name="threads"/> threads in all (the caller included).</summary>
    public ChunkRunner(int threads)
    {
        Threads = Math.Max(1, threads);
        _threads = new Thread[Threads - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            int worker = i + 1;
            _threads[i] = new Thread(() => WorkerLoop(worker)) { IsBackground = true, Name = "LossGen worker " + worker };
            _threads[i].Start();
        }
    }

    /// <summary>Threads in all, the caller included.</summary>
    public int Threads { get; }

    /// <summary>Runs chunks 0 … <paramref name="chunks"/> − 1 and returns when all are done; rethrows the first failure.</summary>
    public void Run(int chunks, IChunkWork work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_threads.Length == 0 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                work.Run(c, 0);
            }
            return;
        }
        lock (_gate)
        {
            _work = work;
            _chunks = chunks;
            _next = 0;
            _failure = null;
            _pending = _threads.Length;
            _generation++;
            Monitor.PulseAll(_gate);
        }
        Drain(work, chunks, 0);
        lock (_gate)
        {
            while (_pending > 0)
            {
                Monitor.Wait(_gate);
            }
            _work = null;
        }
        _failure?.Throw();
    }

    private void Drain(IChunkWork work, int chunks, int worker)
    {
        try
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _next) - 1) < chunks)
            {
                work.Run(chunk, worker);
            }
        }
        catch (Exception e)
        {
            // Stop handing out chunks and report the first failure to the caller.
            Interlocked.Exchange(ref _next, chunks);
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    private void WorkerLoop(int worker)
    {
        long seen = 0;
        while (true)
        {
            IChunkWork work;
            int chunks;
            lock (_gate)
            {
                while (_generation == seen && !_disposed)
                {
                    Monitor.Wait(_gate);
                }
                if (_disposed)
                {
                    return;
                }
                seen = _generation;
                work = _work!;
                chunks = _chunks;
            }
            Drain(work, chunks, worker);
            lock (_gate)
            {
                if (--_pending == 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>Stops the threads.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
