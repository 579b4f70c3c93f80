using System.Numerics;
using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>L-BFGS checkpoints: a run resumed from any iteration ends on the same bits as the uninterrupted run.</summary>
public class LbfgsCheckpointTests
{
    private static LinearObjective<T, TLoss> Problem<T, TLoss>(TLoss loss)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        const int n = 3000, d = 8;
        var random = new SeededRandom(5);
        var x = new T[n * d];
        var y = new T[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.3;
            for (int j = 0; j < d; j++)
            {
                double v = random.NextDouble() * 2 - 1;
                x[i * d + j] = T.CreateChecked(v);
                z += v * (j - 3.5);
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? T.One : T.Zero;
        }
        return new LinearObjective<T, TLoss>(x, d, y, loss, new LinearObjectiveOptions { L2 = 1e-3, ChunkRows = 256 });
    }

    private static void ResumesBitForBit<T, TLoss>(TLoss loss)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        using var objective = Problem<T, TLoss>(loss);
        var saved = new List<byte[]>();
        var options = new LbfgsOptions
        {
            HistorySize = 5,
            Checkpoint = c =>
            {
                using var stream = new MemoryStream();
                c.Save(stream);
                saved.Add(stream.ToArray());
            },
        };
        var full = new T[objective.ParameterCount];
        MinimizationResult<T> reference = new Lbfgs<T>(options).Minimize(objective, full);
        // Enough iterations for the resume points 1, 4, half and last to differ (the count moves with the last bits of the kernels).
        Assert.True(reference.Iterations >= 8, $"{reference.Iterations} iterations");
        Assert.Equal(reference.Iterations - 1, saved.Count);
        foreach (int k in new[] { 1, 4, saved.Count / 2, saved.Count })
        {
            var checkpoint = LbfgsCheckpoint.Load(new MemoryStream(saved[k - 1]));
            Assert.Equal(k, checkpoint.Iteration);
            var resumed = new T[objective.ParameterCount];
            MinimizationResult<T> result = new Lbfgs<T>(options with { Checkpoint = null }).Resume(objective, resumed, checkpoint);
            Assert.Equal(reference.Status, result.Status);
            Assert.Equal(reference.Iterations, result.Iterations);
            Assert.Equal(reference.Evaluations, result.Evaluations);
            Assert.Equal(reference.Loss, result.Loss);
            Assert.Equal(reference.History.Select(h => (h.Iteration, h.Loss, h.StepLength, h.Evaluations)), result.History.Select(h => (h.Iteration, h.Loss, h.StepLength, h.Evaluations)));
            Assert.Equal(full, resumed);
        }
    }

    [Fact]
    public void ResumedRunEndsOnTheSameBitsDouble() => ResumesBitForBit<double, Losses.BceWithLogitsLossFunction>(new(posWeight: 1));

    [Fact]
    public void ResumedRunEndsOnTheSameBitsFloat() => ResumesBitForBit<float, Losses.BceWithLogitsLossFunction>(new(posWeight: 1));

    [Fact]
    public void DamagedOrMismatchedCheckpointsAreRejected()
    {
        using var objective = Problem<double, Losses.BceWithLogitsLossFunction>(new(posWeight: 1));
        LbfgsCheckpoint? first = null;
        new Lbfgs<double>(new LbfgsOptions { MaxIterations = 10, Checkpoint = c => first ??= c }).Minimize(objective, new double[objective.ParameterCount]);
        Assert.NotNull(first);
        var stream = new MemoryStream();
        first.Save(stream);
        byte[] bytes = stream.ToArray();
        for (int i = 0; i < bytes.Length; i += 7)
        {
            byte[] damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => LbfgsCheckpoint.Load(new MemoryStream(damaged)));
        }
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Lbfgs<double>().Resume(objective, new double[3], first)).ParamName);
        Assert.Equal("checkpoint", Assert.Throws<ArgumentException>(() => new Lbfgs<double>(new LbfgsOptions { HistorySize = 7 }).Resume(objective, new double[objective.ParameterCount], first)).ParamName);
        Assert.Throws<InvalidDataException>(() => new Lbfgs<float>().Resume(new FloatZero(), new float[objective.ParameterCount], first));
    }

    private readonly struct FloatZero : IObjective<float>
    {
        public float Evaluate(ReadOnlySpan<float> parameters, Span<float> gradient) => 0;
    }
}
