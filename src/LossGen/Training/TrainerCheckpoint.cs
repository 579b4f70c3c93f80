using System;
using System.IO;
using System.Text;

namespace LossGen.Training;

public sealed partial class Trainer<T, TObjective>
{
    private const string CheckpointTag = "LossGen.Trainer.Checkpoint";
    private const int CheckpointVersion = 1;

    /// <summary>
    /// Writes the whole training state to <paramref name="stream"/>: parameters, optimizer state, the shuffling
    /// generator, the schedule's position, early-stopping state, the epoch and the history. A trainer built
    /// with the same objective, optimizer type and options that loads it continues bit for bit as this one would.
    /// </summary>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    public void SaveCheckpoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(CheckpointTag);
        writer.Write(CheckpointVersion);
        writer.Write(typeof(T) == typeof(float) ? 4 : 8);
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
        _optimizer.WriteState(writer);
        writer.Write(_options.Schedule is not null);
        _options.Schedule?.WriteState(writer);
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

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/>; training then continues from it.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is not one, is damaged, or does not fit this trainer (element type, parameter count, optimizer or schedule type).</exception>
    public void LoadCheckpoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            StateIO.ExpectTag(reader, CheckpointTag);
            int version = reader.ReadInt32();
            if (version != CheckpointVersion)
            {
                throw new InvalidDataException($"The checkpoint has format version {version}; this LossGen reads version {CheckpointVersion}.");
            }
            int size = reader.ReadInt32();
            if (size != (typeof(T) == typeof(float) ? 4 : 8))
            {
                throw new InvalidDataException($"The checkpoint holds {(size == 4 ? "float" : "double")} parameters.");
            }
            int epoch = reader.ReadInt32();
            int finished = reader.ReadInt32();
            double previousLoss = reader.ReadDouble(), previousMetric = reader.ReadDouble(), bestValidation = reader.ReadDouble();
            int withoutImprovement = reader.ReadInt32();
            long elapsed = reader.ReadInt64();
            // Read into scratch first so that a damaged checkpoint leaves the trainer unchanged where possible.
            var parameters = new T[_parameters.Length];
            var best = new T[_parameters.Length];
            var lastFinite = new T[_parameters.Length];
            StateIO.ReadArray<T>(reader, parameters, "parameter vector");
            StateIO.ReadArray<T>(reader, best, "best parameter vector");
            StateIO.ReadArray<T>(reader, lastFinite, "last finite parameter vector");
            _random.ReadState(reader);
            _optimizer.ReadState(reader);
            bool hasSchedule = reader.ReadBoolean();
            if (hasSchedule != _options.Schedule is not null)
            {
                throw new InvalidDataException(hasSchedule ? "The checkpoint has a schedule; this trainer has none." : "This trainer has a schedule; the checkpoint has none.");
            }
            _options.Schedule?.ReadState(reader);
            int count = reader.ReadInt32();
            if (count < 0 || count != epoch)
            {
                throw new InvalidDataException("The checkpoint's history does not match its epoch.");
            }
            _history.Clear();
            for (int i = 0; i < count; i++)
            {
                _history.Add(new EpochReport(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), TimeSpan.FromTicks(reader.ReadInt64())));
            }
            _epoch = epoch;
            _finished = finished < 0 ? null : (TrainingStatus)finished;
            _previousLoss = previousLoss;
            _previousMetric = previousMetric;
            _bestValidation = bestValidation;
            _epochsWithoutImprovement = withoutImprovement;
            _elapsedBefore = TimeSpan.FromTicks(elapsed);
            parameters.CopyTo(_parameters, 0);
            best.CopyTo(_best, 0);
            lastFinite.CopyTo(_lastFinite, 0);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The checkpoint is truncated.", e);
        }
    }
}
