using System;

namespace LossGen.Training;

/// <summary>
/// A learning-rate schedule, advanced once per epoch. <see cref="Next"/> returns the rate for the
/// coming epoch: the first call gives epoch 0's rate; each later call is made after an epoch ends,
/// with that epoch's metric (used by <see cref="ReduceOnPlateauSchedule"/>). The schedules follow
/// <c>torch.optim.lr_scheduler</c>'s recurrences, so their rates match PyTorch's to rounding.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>Creates the schedule around <paramref name="baseRate"/>.</summary>
    /// <param name="baseRate">The initial learning rate, finite and ≥ 0.</param>
    protected LearningRateSchedule(double baseRate)
    {
        if (!double.IsFinite(baseRate) || baseRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "The base learning rate must be finite and non-negative.");
        }
        BaseRate = baseRate;
        Current = baseRate;
    }

    /// <summary>The initial learning rate.</summary>
    public double BaseRate { get; }

    /// <summary>The rate of the current epoch.</summary>
    public double Current { get; protected set; }

    /// <summary>The epoch whose rate <see cref="Current"/> is (−1 before the first call of <see cref="Next"/>).</summary>
    public int Epoch { get; private set; } = -1;

    /// <summary>Advances to the next epoch and returns its rate.</summary>
    /// <param name="metric">The metric of the epoch that just ended (ignored by most schedules).</param>
    public double Next(double metric = double.NaN)
    {
        Epoch++;
        Current = Epoch == 0 ? First() : Advance(Epoch, metric);
        return Current;
    }

    /// <summary>Writes the position (epoch, rate and any state of the schedule) for a checkpoint.</summary>
    public void WriteState(System.IO.BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateIO.WriteTag(writer, GetType().Name);
        writer.Write(Epoch);
        writer.Write(Current);
        WriteExtraState(writer);
    }

    /// <summary>Restores a position written by <see cref="WriteState"/> by a schedule of the same type.</summary>
    /// <exception cref="System.IO.InvalidDataException">The state was written by another kind of schedule, or a value is out of range (then the schedule is unchanged).</exception>
    public void ReadState(System.IO.BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIO.ExpectTag(reader, GetType().Name);
        int epoch = reader.ReadInt32();
        double current = reader.ReadDouble();
        if (epoch < -1 || !double.IsFinite(current) || current < 0 || (epoch == -1 && current != BaseRate))
        {
            throw new System.IO.InvalidDataException($"The schedule's state (epoch {epoch}, rate {current}) is out of range.");
        }
        ReadExtraState(reader);
        Epoch = epoch;
        Current = current;
    }

    /// <summary>Writes state beyond the epoch and rate (none by default).</summary>
    protected virtual void WriteExtraState(System.IO.BinaryWriter writer)
    {
    }

    /// <summary>Reads what <see cref="WriteExtraState"/> wrote; validates all of it before changing anything.</summary>
    /// <exception cref="System.IO.InvalidDataException">A value is out of range.</exception>
    protected virtual void ReadExtraState(System.IO.BinaryReader reader)
    {
    }

    /// <summary>Returns the state beyond the epoch and rate to what the constructor set (nothing by default).</summary>
    protected virtual void ResetExtraState()
    {
    }

    /// <summary>
    /// A copy of this schedule's settings at its start (before the first <see cref="Next"/>), whatever its
    /// current position: what a trainer advances, so that a schedule in a shared <see cref="TrainerOptions"/>
    /// carries no state from one trainer to another.
    /// </summary>
    internal LearningRateSchedule Fresh()
    {
        var copy = (LearningRateSchedule)MemberwiseClone();
        copy.Epoch = -1;
        copy.Current = copy.BaseRate;
        copy.ResetExtraState();
        return copy;
    }

    /// <summary>The rate of epoch 0.</summary>
    protected virtual double First() => BaseRate;

    /// <summary>The rate of <paramref name="epoch"/> (≥ 1) from <see cref="Current"/>, the previous epoch's.</summary>
    protected abstract double Advance(int epoch, double metric);

    /// <summary>Throws unless the value is finite and in [min, max].</summary>
    protected static double Check(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}].");
}

/// <summary>The same rate every epoch.</summary>
public sealed class ConstantSchedule(double baseRate) : LearningRateSchedule(baseRate)
{
    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric) => Current;
}

/// <summary>Multiplies the rate by γ every <c>stepSize</c> epochs (torch StepLR).</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="baseRate">The initial rate.</param>
    /// <param name="stepSize">Epochs between decays, ≥ 1.</param>
    /// <param name="gamma">The decay factor γ in [0, 1].</param>
    public StepSchedule(double baseRate, int stepSize, double gamma)
        : base(baseRate)
    {
        StepSize = stepSize >= 1 ? stepSize : throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "stepSize must be at least 1.");
        Gamma = Check(gamma, 0, 1, nameof(gamma));
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric) => epoch % StepSize == 0 ? Current * Gamma : Current;
}

/// <summary>Multiplies the rate by γ every epoch (torch ExponentialLR).</summary>
public sealed class ExponentialSchedule(double baseRate, double gamma) : LearningRateSchedule(baseRate)
{
    /// <summary>γ.</summary>
    public double Gamma { get; } = Check(gamma, 0, 1, nameof(gamma));

    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric) => Current * Gamma;
}

/// <summary>Cosine annealing from the base rate to η_min over T_max epochs, and back (torch CosineAnnealingLR).</summary>
public sealed class CosineAnnealingSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="baseRate">The initial rate.</param>
    /// <param name="tMax">The half-period T_max in epochs, ≥ 1.</param>
    /// <param name="minRate">η_min ≥ 0.</param>
    public CosineAnnealingSchedule(double baseRate, int tMax, double minRate = 0)
        : base(baseRate)
    {
        TMax = tMax >= 1 ? tMax : throw new ArgumentOutOfRangeException(nameof(tMax), tMax, "tMax must be at least 1.");
        MinRate = Check(minRate, 0, double.MaxValue, nameof(minRate));
    }

    /// <summary>T_max.</summary>
    public int TMax { get; }

    /// <summary>η_min.</summary>
    public double MinRate { get; }

    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric)
    {
        if ((epoch - 1 - TMax) % (2 * TMax) == 0)
        {
            return Current + (BaseRate - MinRate) * (1 - Math.Cos(Math.PI / TMax)) / 2;
        }
        return (1 + Math.Cos(Math.PI * epoch / TMax)) / (1 + Math.Cos(Math.PI * (epoch - 1) / TMax)) * (Current - MinRate) + MinRate;
    }
}

/// <summary>Linear warm-up: the rate goes from startFactor · base to endFactor · base over totalEpochs epochs, then stays (torch LinearLR).</summary>
public sealed class LinearWarmupSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="baseRate">The rate reached (times <paramref name="endFactor"/>).</param>
    /// <param name="startFactor">The factor of epoch 0, in (0, 1].</param>
    /// <param name="endFactor">The factor from <paramref name="totalEpochs"/> on, in [0, 1].</param>
    /// <param name="totalEpochs">The length of the ramp, ≥ 1.</param>
    public LinearWarmupSchedule(double baseRate, double startFactor, double endFactor = 1.0, int totalEpochs = 5)
        : base(baseRate)
    {
        StartFactor = Check(startFactor, double.Epsilon, 1, nameof(startFactor));
        EndFactor = Check(endFactor, 0, 1, nameof(endFactor));
        TotalEpochs = totalEpochs >= 1 ? totalEpochs : throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "totalEpochs must be at least 1.");
    }

    /// <summary>The factor of epoch 0.</summary>
    public double StartFactor { get; }

    /// <summary>The final factor.</summary>
    public double EndFactor { get; }

    /// <summary>The length of the ramp.</summary>
    public int TotalEpochs { get; }

    /// <inheritdoc/>
    protected override double First() => BaseRate * StartFactor;

    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric) => epoch > TotalEpochs
        ? Current
        : Current * (1.0 + (EndFactor - StartFactor) / (TotalEpochs * StartFactor + (epoch - 1) * (EndFactor - StartFactor)));
}

/// <summary>
/// Reduces the rate by a factor when the metric (lower is better) has not improved by more than a
/// relative threshold for more than <c>patience</c> epochs (torch ReduceLROnPlateau, mode "min", threshold mode "rel").
/// </summary>
public sealed class ReduceOnPlateauSchedule : LearningRateSchedule
{
    private double _best = double.PositiveInfinity;
    private int _badEpochs;
    private int _cooldownLeft;

    /// <summary>Creates the schedule.</summary>
    /// <param name="baseRate">The initial rate.</param>
    /// <param name="factor">The reduction factor in [0, 1) (default 0.1).</param>
    /// <param name="patience">Epochs without improvement tolerated (default 10).</param>
    /// <param name="threshold">The relative improvement that counts (default 1e-4).</param>
    /// <param name="cooldown">Epochs to wait after a reduction (default 0).</param>
    /// <param name="minRate">The lowest rate (default 0).</param>
    /// <param name="epsilon">Reductions smaller than this are skipped (default 1e-8).</param>
    public ReduceOnPlateauSchedule(double baseRate, double factor = 0.1, int patience = 10, double threshold = 1e-4, int cooldown = 0, double minRate = 0, double epsilon = 1e-8)
        : base(baseRate)
    {
        Factor = Check(factor, 0, 0.999999, nameof(factor));
        Patience = patience >= 0 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be ≥ 0.");
        Threshold = Check(threshold, 0, 1, nameof(threshold));
        Cooldown = cooldown >= 0 ? cooldown : throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, "cooldown must be ≥ 0.");
        MinRate = Check(minRate, 0, double.MaxValue, nameof(minRate));
        Epsilon = Check(epsilon, 0, double.MaxValue, nameof(epsilon));
    }

    /// <summary>The reduction factor.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement tolerated.</summary>
    public int Patience { get; }

    /// <summary>The relative improvement that counts.</summary>
    public double Threshold { get; }

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The lowest rate.</summary>
    public double MinRate { get; }

    /// <summary>Reductions smaller than this are skipped.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void WriteExtraState(System.IO.BinaryWriter writer)
    {
        writer.Write(_best);
        writer.Write(_badEpochs);
        writer.Write(_cooldownLeft);
    }

    /// <inheritdoc/>
    protected override void ReadExtraState(System.IO.BinaryReader reader)
    {
        double best = reader.ReadDouble();
        int badEpochs = reader.ReadInt32(), cooldownLeft = reader.ReadInt32();
        if (double.IsNaN(best) || badEpochs < 0 || cooldownLeft < 0 || cooldownLeft > Cooldown)
        {
            throw new System.IO.InvalidDataException($"The plateau schedule's state (best {best}, {badEpochs} bad epochs, cooldown {cooldownLeft}) is out of range.");
        }
        (_best, _badEpochs, _cooldownLeft) = (best, badEpochs, cooldownLeft);
    }

    /// <inheritdoc/>
    protected override void ResetExtraState() => (_best, _badEpochs, _cooldownLeft) = (double.PositiveInfinity, 0, 0);

    /// <inheritdoc/>
    protected override double Advance(int epoch, double metric)
    {
        if (double.IsNaN(metric))
        {
            throw new ArgumentException("ReduceOnPlateauSchedule needs the metric of the epoch that ended.", nameof(metric));
        }
        if (metric < _best * (1 - Threshold))
        {
            _best = metric;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        double rate = Current;
        if (_badEpochs > Patience)
        {
            double reduced = Math.Max(rate * Factor, MinRate);
            if (rate - reduced > Epsilon)
            {
                rate = reduced;
            }
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
        return rate;
    }
}
