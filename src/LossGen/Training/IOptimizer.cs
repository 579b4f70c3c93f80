using System;
using System.IO;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// A first-order optimizer: updates a parameter vector in place from its gradient. The update rules
/// follow PyTorch's <c>torch.optim</c> implementations operation by operation (checked against
/// recorded PyTorch trajectories). State (momentum buffers, moment estimates) is allocated on the
/// first step; later steps allocate nothing.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The learning rate of the next step; schedules change it between steps.</summary>
    T LearningRate { get; set; }

    /// <summary>The number of steps taken.</summary>
    long StepCount { get; }

    /// <summary>Applies one update to <paramref name="parameters"/> given <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or differ from the first step's length.</exception>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradient);

    /// <summary>Forgets all state, as if no step had been taken.</summary>
    void Reset();

    /// <summary>Writes the whole state (learning rate, step count, buffers) for a checkpoint.</summary>
    void WriteState(BinaryWriter writer);

    /// <summary>Restores a state written by <see cref="WriteState"/> by an optimizer of the same type and settings.</summary>
    /// <exception cref="InvalidDataException">The state was written by another kind of optimizer or does not fit.</exception>
    void ReadState(BinaryReader reader);
}

/// <summary>Shared checks and state handling for the optimizers.</summary>
public abstract class OptimizerBase<T> : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T _learningRate;

    /// <summary>Creates the optimizer with its learning rate.</summary>
    /// <param name="learningRate">The learning rate, finite and ≥ 0.</param>
    protected OptimizerBase(T learningRate) => LearningRate = learningRate;

    /// <inheritdoc/>
    public T LearningRate
    {
        get => _learningRate;
        set
        {
            if (!T.IsFinite(value) || value < T.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be finite and non-negative.");
            }
            _learningRate = value;
        }
    }

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <summary>The parameter count fixed by the first step, or -1 before it.</summary>
    protected int Length { get; private set; } = -1;

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradient)
    {
        if (gradient.Length != parameters.Length)
        {
            throw new ArgumentException($"The gradient has length {gradient.Length}, but the parameters have length {parameters.Length}.", nameof(gradient));
        }
        if (Length < 0)
        {
            Length = parameters.Length;
            Allocate(Length);
        }
        else if (parameters.Length != Length)
        {
            throw new ArgumentException($"The parameters have length {parameters.Length}, but this optimizer's state is for {Length}.", nameof(parameters));
        }
        StepCount++;
        Update(parameters, gradient, StepCount);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        StepCount = 0;
        Length = -1;
    }

    /// <inheritdoc/>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateIO.WriteTag(writer, GetType().Name);
        writer.Write(double.CreateChecked(LearningRate));
        writer.Write(StepCount);
        writer.Write(Length);
        if (Length >= 0)
        {
            T[][] buffers = StateBuffers;
            writer.Write(buffers.Length);
            foreach (T[] buffer in buffers)
            {
                StateIO.WriteArray<T>(writer, buffer);
            }
        }
    }

    /// <inheritdoc/>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIO.ExpectTag(reader, GetType().Name);
        T learningRate = T.CreateChecked(reader.ReadDouble());
        long steps = reader.ReadInt64();
        int length = reader.ReadInt32();
        if (steps < 0 || length < -1 || (length < 0) != (steps == 0))
        {
            throw new System.IO.InvalidDataException("The optimizer state is inconsistent.");
        }
        LearningRate = learningRate;
        StepCount = steps;
        Length = length;
        if (length >= 0)
        {
            Allocate(length);
            T[][] buffers = StateBuffers;
            if (reader.ReadInt32() != buffers.Length)
            {
                throw new System.IO.InvalidDataException("The optimizer state has another number of buffers (were its settings changed?).");
            }
            foreach (T[] buffer in buffers)
            {
                StateIO.ReadArray<T>(reader, buffer, GetType().Name + " buffer");
            }
        }
    }

    /// <summary>The state buffers (after <see cref="Allocate"/>), in a fixed order, for checkpoints.</summary>
    protected abstract T[][] StateBuffers { get; }

    /// <summary>Allocates the state for <paramref name="length"/> parameters (called on the first step).</summary>
    protected abstract void Allocate(int length);

    /// <summary>The update rule; <paramref name="step"/> counts from 1.</summary>
    protected abstract void Update(Span<T> parameters, ReadOnlySpan<T> gradient, long step);

    /// <summary>Throws unless <paramref name="value"/> is finite and within [min, max].</summary>
    protected static T Check(T value, T min, T max, string name)
    {
        if (!T.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}].");
        }
        return value;
    }

    /// <summary>Converts a double constant to T.</summary>
    protected static T Of(double value) => T.CreateChecked(value);
}
