using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LossGen.Training;

public sealed partial class Trainer<T, TObjective>
{
    /// <summary>
    /// Writes the whole training state to <paramref name="stream"/>: parameters, optimizer state, the shuffling
    /// generator, the schedule's position, early-stopping state, the epoch and the history, framed with a
    /// format version and a CRC-64 checksum. A trainer built with the same objective, optimizer type and
    /// options that loads it continues bit for bit as this one would.
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    /// <exception cref="InvalidOperationException">The trainer is training (e.g. this is called from a progress report): save between <see cref="Run"/> rounds.</exception>
    public void SaveCheckpoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }
        CheckpointFormat.Write(stream, Payload());
    }

    /// <summary>
    /// Writes a checkpoint to the file <paramref name="path"/> atomically: into a temporary file beside it, flushed,
    /// then renamed over it, so that a crash leaves the previous checkpoint or the new one, never a damaged file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The trainer is training.</exception>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckpointFormat.WriteFileAtomically(path, Payload());
    }

    /// <summary>
    /// Restores a state written by <see cref="SaveCheckpoint(Stream)"/>; training then continues from it. All or
    /// nothing: the checkpoint is verified (checksum), decoded and validated before anything is replaced, so
    /// after an exception the trainer, its parameters and its optimizer are exactly as they were.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint is not one, is truncated or damaged, or does not fit this trainer (element type, example or parameter count, optimizer type or settings, schedule type).</exception>
    /// <exception cref="InvalidOperationException">The trainer is training.</exception>
    public void LoadCheckpoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _guard.Enter(this);
        try
        {
            byte[] payload = CheckpointFormat.Read(stream);
            Decode(payload).Apply(this);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>Restores a checkpoint from the file <paramref name="path"/>; see <see cref="LoadCheckpoint(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is damaged or does not fit this trainer.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public void LoadCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        LoadCheckpoint(file);
    }

    private static int ElementSize => typeof(T) == typeof(float) ? 4 : 8;

    private byte[] Payload()
    {
        _guard.Enter(this);
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(ElementSize);
                writer.Write(_training.Count);
                writer.Write(_parameters.Length);
                writer.Write(_epoch);
                writer.Write(_finished is TrainingStatus status ? (int)status : -1);
                writer.Write(_previousLoss);
                writer.Write(_previousMetric);
                writer.Write(_bestValidation);
                writer.Write(_epochsWithoutImprovement);
                writer.Write(_elapsedBefore.Ticks);
                StateIO.WriteArray<T>(writer, _parameters);
                StateIO.WriteArray<T>(writer, _best);
                StateIO.WriteArray<T>(writer, _lastFinite);
                _random.WriteState(writer);
                using (var optimizerState = new MemoryStream())
                {
                    using (var optimizerWriter = new BinaryWriter(optimizerState, Encoding.UTF8, leaveOpen: true))
                    {
                        _optimizer.WriteState(optimizerWriter);
                    }
                    writer.Write((int)optimizerState.Length);
                    writer.Write(optimizerState.GetBuffer(), 0, (int)optimizerState.Length);
                }
                writer.Write(_schedule is not null);
                _schedule?.WriteState(writer);
                writer.Write(_history.Count);
                foreach (EpochReport r in _history)
                {
                    writer.Write(r.Epoch);
                    writer.Write(r.Loss);
                    writer.Write(r.ValidationLoss);
                    writer.Write(r.LearningRate);
                    writer.Write(r.GradientNorm);
                    writer.Write(r.Elapsed.Ticks);
                }
            }
            return buffer.ToArray();
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>Decodes and validates a payload into fresh objects; nothing of this trainer changes here.</summary>
    private Decoded Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            int size = reader.ReadInt32();
            if (size != ElementSize)
            {
                throw new InvalidDataException(size is 4 or 8
                    ? $"The checkpoint holds {(size == 4 ? "float" : "double")} parameters; this trainer trains {typeof(T).Name}."
                    : $"The checkpoint's element size {size} is neither 4 (float) nor 8 (double).");
            }
            int count = reader.ReadInt32(), parameterCount = reader.ReadInt32();
            if (count != _training.Count || parameterCount != _parameters.Length)
            {
                throw new InvalidDataException($"The checkpoint is of a data set of {count} examples and {parameterCount} parameters; this trainer's has {_training.Count} and {_parameters.Length}.");
            }
            var d = new Decoded { Epoch = reader.ReadInt32() };
            int finished = reader.ReadInt32();
            if (d.Epoch < 0 || (finished != -1 && (!Enum.IsDefined((TrainingStatus)finished) || finished == (int)TrainingStatus.Cancelled)))
            {
                throw new InvalidDataException($"The checkpoint's epoch ({d.Epoch}) or final status ({finished}) is out of range.");
            }
            d.Finished = finished < 0 ? null : (TrainingStatus)finished;
            d.PreviousLoss = reader.ReadDouble();
            d.PreviousMetric = reader.ReadDouble();
            d.BestValidation = reader.ReadDouble();
            d.WithoutImprovement = reader.ReadInt32();
            long elapsed = reader.ReadInt64();
            if (double.IsNaN(d.BestValidation) || d.WithoutImprovement < 0 || d.WithoutImprovement > d.Epoch || elapsed < 0)
            {
                throw new InvalidDataException("The checkpoint's early-stopping state or elapsed time is out of range.");
            }
            d.Elapsed = TimeSpan.FromTicks(elapsed);
            d.Parameters = ReadParameters(reader, "parameter vector");
            d.Best = ReadParameters(reader, "best parameter vector");
            d.LastFinite = ReadParameters(reader, "last finite parameter vector");
            d.Random = new SeededRandom(0);
            d.Random.ReadState(reader);
            int optimizerLength = reader.ReadInt32();
            if (optimizerLength < 0 || optimizerLength > payload.Length)
            {
                throw new InvalidDataException($"The checkpoint's optimizer state declares {optimizerLength} bytes.");
            }
            d.OptimizerState = reader.ReadBytes(optimizerLength);
            if (d.OptimizerState.Length != optimizerLength)
            {
                throw new EndOfStreamException();
            }
            bool hasSchedule = reader.ReadBoolean();
            if (hasSchedule != _schedule is not null)
            {
                throw new InvalidDataException(hasSchedule ? "The checkpoint has a schedule; this trainer has none." : "This trainer has a schedule; the checkpoint has none.");
            }
            if (_schedule is not null)
            {
                d.Schedule = _schedule.Fresh();
                d.Schedule.ReadState(reader);
            }
            int reports = reader.ReadInt32();
            if (reports != d.Epoch)
            {
                throw new InvalidDataException($"The checkpoint's history has {reports} epochs; its epoch is {d.Epoch}.");
            }
            d.History = new List<EpochReport>(reports);
            for (int i = 0; i < reports; i++)
            {
                var report = new EpochReport(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), TimeSpan.FromTicks(reader.ReadInt64()));
                if (report.Epoch != i + 1 || !double.IsFinite(report.LearningRate) || report.LearningRate < 0 || report.Elapsed < TimeSpan.Zero)
                {
                    throw new InvalidDataException($"The checkpoint's report of epoch {i + 1} is out of range.");
                }
                d.History.Add(report);
            }
            if (reader.BaseStream.Position != payload.Length)
            {
                throw new InvalidDataException($"The checkpoint has {payload.Length - reader.BaseStream.Position} bytes after its history.");
            }
            return d;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("The checkpoint's contents are inconsistent: " + e.Message, e);
        }
    }

    private T[] ReadParameters(BinaryReader reader, string what)
    {
        var values = new T[_parameters.Length];
        StateIO.ReadArray<T>(reader, values, what);
        StateIO.ExpectFinite<T>(values, what);
        return values;
    }

    /// <summary>A decoded, validated checkpoint, applied in one step.</summary>
    private sealed class Decoded
    {
        public int Epoch, WithoutImprovement;
        public TrainingStatus? Finished;
        public double PreviousLoss, PreviousMetric, BestValidation;
        public TimeSpan Elapsed;
        public T[] Parameters = [], Best = [], LastFinite = [];
        public SeededRandom Random = null!;
        public byte[] OptimizerState = [];
        public LearningRateSchedule? Schedule;
        public List<EpochReport> History = null!;

        /// <summary>
        /// Restores the optimizer (the one step that can still fail: its own, all-or-nothing ReadState; a
        /// third-party optimizer that fails is put back from a snapshot), then replaces the trainer's state.
        /// </summary>
        public void Apply(Trainer<T, TObjective> trainer)
        {
            IOptimizer<T> optimizer = trainer._optimizer;
            using var snapshot = new MemoryStream();
            using (var writer = new BinaryWriter(snapshot, Encoding.UTF8, leaveOpen: true))
            {
                optimizer.WriteState(writer);
            }
            try
            {
                using var reader = new BinaryReader(new MemoryStream(OptimizerState, writable: false), Encoding.UTF8);
                optimizer.ReadState(reader);
                if (reader.BaseStream.Position != OptimizerState.Length)
                {
                    throw new InvalidDataException($"The optimizer state has {OptimizerState.Length - reader.BaseStream.Position} bytes its {optimizer.GetType().Name} did not read (were its settings changed?).");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                snapshot.Position = 0;
                using (var restore = new BinaryReader(snapshot, Encoding.UTF8, leaveOpen: true))
                {
                    optimizer.ReadState(restore);
                }
                throw e as InvalidDataException ?? new InvalidDataException("The checkpoint's optimizer state does not fit this optimizer: " + e.Message, e);
            }
            trainer._epoch = Epoch;
            trainer._finished = Finished;
            trainer._previousLoss = PreviousLoss;
            trainer._previousMetric = PreviousMetric;
            trainer._bestValidation = BestValidation;
            trainer._epochsWithoutImprovement = WithoutImprovement;
            trainer._elapsedBefore = Elapsed;
            Parameters.CopyTo(trainer._parameters, 0);
            Best.CopyTo(trainer._best, 0);
            LastFinite.CopyTo(trainer._lastFinite, 0);
            trainer._random = Random;
            trainer._schedule = Schedule;
            trainer._history.Clear();
            trainer._history.AddRange(History);
        }
    }
}
