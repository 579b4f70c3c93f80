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

/// <summary>
/// Shared checks and state handling for the optimizers. A subclass says which state buffers it needs
/// (<see cref="CreateState"/>) and takes them (<see cref="UseState"/>); the base class allocates them on the
/// first step, writes them to checkpoints and reads them back all or nothing: a state is decoded and
/// validated into fresh buffers, which replace the current ones only when everything fits.
/// </summary>
/// <remarks>One step at a time: a call while another is running on another thread throws <see cref="InvalidOperationException"/>.</remarks>
public abstract class OptimizerBase<T> : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T _learningRate;
    private T[][] _state = [];
    private UsageGuard _guard;

    /// <summary>Creates the optimizer with its learning rate.</summary>
    /// <param name="learningRate">The learning rate, finite and ≥ 0.</param>
    protected OptimizerBase(T learningRate)
    {
        if (!T.IsFinite(learningRate) || learningRate < T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be finite and non-negative.");
        }
        LearningRate = learningRate;
    }

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
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer.</exception>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradient)
    {
        if (gradient.Length != parameters.Length)
        {
            throw new ArgumentException($"The gradient has length {gradient.Length}, but the parameters have length {parameters.Length}.", nameof(gradient));
        }
        if (Length >= 0 && parameters.Length != Length)
        {
            throw new ArgumentException($"The parameters have length {parameters.Length}, but this optimizer's state is for {Length}.", nameof(parameters));
        }
        _guard.Enter(this);
        try
        {
            if (Length < 0)
            {
                T[][] state = CreateState(parameters.Length);
                UseState(state);
                _state = state;
                Length = parameters.Length;
            }
            StepCount++;
            Update(parameters, gradient, StepCount);
        }
        finally
        {
            _guard.Exit();
        }
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
            writer.Write(_state.Length);
            foreach (T[] buffer in _state)
            {
                StateIO.WriteArray<T>(writer, buffer);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>All or nothing: on any exception the optimizer is left exactly as it was.</remarks>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIO.ExpectTag(reader, GetType().Name);
        double rate = reader.ReadDouble();
        T learningRate = T.CreateSaturating(rate);
        if (!double.IsFinite(rate) || rate < 0 || !T.IsFinite(learningRate))
        {
            throw new InvalidDataException($"The optimizer state has learning rate {rate}; it must be finite and non-negative.");
        }
        long steps = reader.ReadInt64();
        int length = reader.ReadInt32();
        if (steps < 0 || length < -1 || length == 0 || (length < 0) != (steps == 0))
        {
            throw new InvalidDataException($"The optimizer state is inconsistent ({steps} steps over {length} parameters).");
        }
        T[][] state = [];
        if (length > 0)
        {
            state = CreateState(length);
            int count = reader.ReadInt32();
            if (count != state.Length)
            {
                throw new InvalidDataException($"The optimizer state has {count} buffers; this {GetType().Name} keeps {state.Length} (were its settings changed?).");
            }
            for (int i = 0; i < state.Length; i++)
            {
                StateIO.ReadArray<T>(reader, state[i], $"{GetType().Name} buffer {i}");
            }
        }
        // Everything decoded and checked: now replace the state.
        if (length > 0)
        {
            UseState(state);
            _state = state;
        }
        _learningRate = learningRate;
        StepCount = steps;
        Length = length;
    }

    /// <summary>
    /// New state buffers for <paramref name="length"/> parameters, in a fixed order, initialized as before the
    /// first step (an unused buffer is empty). Called on the first step and when a checkpoint is read.
    /// </summary>
    protected abstract T[][] CreateState(int length);

    /// <summary>Takes <paramref name="state"/> (from <see cref="CreateState"/>, possibly filled from a checkpoint) as the optimizer's state.</summary>
    protected abstract void UseState(T[][] state);

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
