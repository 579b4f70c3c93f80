using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace LossGen.Training;

public sealed partial class Lbfgs<T>
{
    private long _callIterationsBefore, _callEvaluationsBefore;

    /// <summary>Where a resumed Minimize call continues: the end of iteration <see cref="Iteration"/>.</summary>
    private readonly record struct ResumePoint(double Loss, double FirstLoss, int Iteration, int Evaluations, TimeSpan Elapsed);

    private const string Tag = "Lbfgs.Minimize";

    /// <summary>
    /// Continues a <see cref="Minimize{TObjective}"/> call from <paramref name="checkpoint"/> (taken by
    /// <see cref="LbfgsOptions.Checkpoint"/>): the parameters, the gradient, the (s, y) history, the step and the
    /// counters are restored, and the run goes on bit for bit as the interrupted one would have, with the same
    /// objective. The result counts the iterations and evaluations of the whole run, before and after the checkpoint,
    /// and its history holds every iteration. Build this optimizer with the options of the interrupted one.
    /// </summary>
    /// <param name="objective">The objective of the interrupted run.</param>
    /// <param name="parameters">Receives the checkpoint's parameters, then is updated in place; its length must be the checkpoint's.</param>
    /// <param name="checkpoint">The state to continue from.</param>
    /// <param name="cancellationToken">Stops the run before the next iteration.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> or the optimizer's history size does not fit the checkpoint, or this optimizer already holds state for another length.</exception>
    /// <exception cref="InvalidDataException">The checkpoint is not an L-BFGS checkpoint, is damaged, or is for the other element type.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer.</exception>
    public MinimizationResult<T> Resume<TObjective>(TObjective objective, Span<T> parameters, LbfgsCheckpoint checkpoint, CancellationToken cancellationToken = default)
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(checkpoint);
        _guard.Enter(this);
        try
        {
            ResumePoint at = Restore(checkpoint.Payload, parameters, out List<IterationReport> history);
            MinimizationStatus status = Run(objective, parameters, _options.MaxIterations ?? LbfgsOptions.MinimizeIterations, history, cancellationToken, out _, out double last, at);
            return new MinimizationResult<T>(status, (int)(_iterations - _callIterationsBefore), (int)(Evaluations - _callEvaluationsBefore), last, history, parameters.ToArray());
        }
        finally
        {
            _guard.Exit();
        }
    }

    private static int ElementSize => typeof(T) == typeof(float) ? 4 : 8;

    private LbfgsCheckpoint Capture(ReadOnlySpan<T> parameters, ResumePoint at, List<IterationReport> history)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            StateIO.WriteTag(w, Tag);
            w.Write(ElementSize);
            w.Write(_length);
            w.Write(_options.HistorySize);
            w.Write(at.Iteration);
            w.Write(at.Evaluations);
            w.Write(at.Loss);
            w.Write(at.FirstLoss);
            w.Write(at.Elapsed.Ticks);
            w.Write(_iterations);
            w.Write(Evaluations);
            w.Write(_callIterationsBefore);
            w.Write(_callEvaluationsBefore);
            w.Write(_stateIterations);
            w.Write(_t);
            w.Write(_hDiag);
            w.Write(_prevLoss);
            w.Write(_count);
            w.Write(_newest);
            StateIO.WriteArray<T>(w, parameters);
            StateIO.WriteArray<T>(w, _grad);
            StateIO.WriteArray<T>(w, _prevGrad);
            StateIO.WriteArray<T>(w, _d);
            int m = _options.HistorySize;
            for (int k = 0; k < _count; k++)
            {
                int j = ((_newest - k) % m + m) % m;
                w.Write(j);
                w.Write(_rho[j]);
                StateIO.WriteArray<T>(w, _s[j]);
                StateIO.WriteArray<T>(w, _y[j]);
            }
            w.Write(history.Count);
            foreach (IterationReport r in history)
            {
                w.Write(r.Iteration);
                w.Write(r.Loss);
                w.Write(r.StepLength);
                w.Write(r.GradientNorm);
                w.Write(r.Evaluations);
                w.Write(r.Elapsed.Ticks);
            }
        }
        return new LbfgsCheckpoint(buffer.ToArray(), at.Iteration, _length);
    }

    /// <summary>Decodes and checks everything first, then replaces the state: all or nothing.</summary>
    private ResumePoint Restore(byte[] payload, Span<T> parameters, out List<IterationReport> history)
    {
        using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            StateIO.ExpectTag(r, Tag);
            int size = r.ReadInt32(), n = r.ReadInt32(), m = r.ReadInt32();
            if (size != ElementSize)
            {
                throw new InvalidDataException($"The checkpoint holds {size}-byte values; this optimizer works in {typeof(T).Name}.");
            }
            if (n != parameters.Length)
            {
                throw new ArgumentException($"The checkpoint is for {n} parameters, but {parameters.Length} were given.", nameof(parameters));
            }
            if (m != _options.HistorySize)
            {
                throw new ArgumentException($"The checkpoint keeps {m} (s, y) pairs, but this optimizer's HistorySize is {_options.HistorySize}: build it with the options of the interrupted run.", "checkpoint");
            }
            if (_length >= 0 && _length != n)
            {
                throw new ArgumentException($"This optimizer's state is for {_length} parameters, not {n}.", nameof(parameters));
            }
            var at = new ResumePoint(Iteration: r.ReadInt32(), Evaluations: r.ReadInt32(), Loss: r.ReadDouble(), FirstLoss: r.ReadDouble(), Elapsed: TimeSpan.FromTicks(r.ReadInt64()));
            long iterations = r.ReadInt64(), evaluations = r.ReadInt64(), iterationsBefore = r.ReadInt64(), evaluationsBefore = r.ReadInt64(), stateIterations = r.ReadInt64();
            double t = r.ReadDouble(), hDiag = r.ReadDouble(), prevLoss = r.ReadDouble();
            int count = r.ReadInt32(), newest = r.ReadInt32();
            if (count < 0 || count > m || (count > 0 && (uint)newest >= (uint)m) || at.Iteration < 1 || at.Evaluations < 1)
            {
                throw new InvalidDataException($"The checkpoint's counters are impossible ({count} pairs, newest {newest}, iteration {at.Iteration}).");
            }
            T[] x = new T[n], grad = new T[n], prevGrad = new T[n], d = new T[n];
            StateIO.ReadArray<T>(r, x, "parameters");
            StateIO.ReadArray<T>(r, grad, "gradient");
            StateIO.ReadArray<T>(r, prevGrad, "previous gradient");
            StateIO.ReadArray<T>(r, d, "direction");
            var pairs = new List<(int Slot, double Rho, T[] S, T[] Y)>();
            for (int k = 0; k < count; k++)
            {
                int slot = r.ReadInt32();
                if ((uint)slot >= (uint)m)
                {
                    throw new InvalidDataException($"The checkpoint names history slot {slot} of {m}.");
                }
                double rho = r.ReadDouble();
                T[] s = new T[n], y = new T[n];
                StateIO.ReadArray<T>(r, s, "history");
                StateIO.ReadArray<T>(r, y, "history");
                pairs.Add((slot, rho, s, y));
            }
            int reports = r.ReadInt32();
            if (reports < 0 || reports > at.Iteration)
            {
                throw new InvalidDataException($"The checkpoint holds {reports} iteration reports for {at.Iteration} iterations.");
            }
            history = new List<IterationReport>(reports);
            for (int i = 0; i < reports; i++)
            {
                history.Add(new IterationReport(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), TimeSpan.FromTicks(r.ReadInt64())));
            }
            if (r.BaseStream.Position != payload.Length)
            {
                throw new InvalidDataException("The checkpoint has bytes after its state.");
            }
            StateIO.ExpectFinite<T>(x, "parameters");
            // Everything decoded: replace the state.
            Allocate(n);
            x.CopyTo(parameters);
            grad.CopyTo(_grad, 0);
            prevGrad.CopyTo(_prevGrad, 0);
            d.CopyTo(_d, 0);
            foreach (var (slot, rho, s, y) in pairs)
            {
                s.CopyTo(_s[slot], 0);
                y.CopyTo(_y[slot], 0);
                _rho[slot] = rho;
            }
            (_iterations, Evaluations, _callIterationsBefore, _callEvaluationsBefore, _stateIterations) = (iterations, evaluations, iterationsBefore, evaluationsBefore, stateIterations);
            (_t, _hDiag, _prevLoss, _count, _newest) = (t, hDiag, prevLoss, count, newest);
            return at;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The checkpoint ends before its state does.");
        }
    }
}
