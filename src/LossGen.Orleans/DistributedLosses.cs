using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Numerics;
using LossGen.Training;

namespace LossGen.Orleans;

/// <summary>
/// The losses a distributed job can name, by a name both sides know: the coordinator sends the name, each silo
/// maps it to a generated adapter struct (with its fixed scalars), so that the shard's evaluation runs the
/// generated kernel specialized for that struct. Built in: <c>bce-with-logits</c> (posWeight 1), <c>mse</c>,
/// <c>poisson-nll</c>, <c>huber</c> (delta 1). Register others at start-up of every silo process, with the same
/// name everywhere.
/// </summary>
public static class DistributedLosses
{
    private static readonly ConcurrentDictionary<string, IShardFactory> Factories = new(StringComparer.Ordinal);

    static DistributedLosses()
    {
        RegisterWithSecondOrder("bce-with-logits", new Losses.BceWithLogitsLossFunction(posWeight: 1));
        RegisterWithSecondOrder("mse", new Losses.MseLossFunction());
        RegisterWithSecondOrder("poisson-nll", new Losses.PoissonNllLossFunction());
        RegisterWithSecondOrder("huber", new Losses.HuberLossFunction(delta: 1));
    }

    /// <summary>The registered names.</summary>
    public static IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)Factories.Keys;

    /// <summary>Registers (or replaces) a loss under <paramref name="name"/>.</summary>
    /// <typeparam name="TLoss">A generated adapter struct for float and double.</typeparam>
    /// <param name="name">The name jobs use, not empty.</param>
    /// <param name="loss">The loss, with its fixed scalars set.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static void Register<TLoss>(string name, TLoss loss)
        where TLoss : struct, IPredictionLoss<float>, IPredictionLoss<double>
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Factories[name] = new ShardFactory<TLoss>(loss);
    }

    /// <summary>
    /// Registers (or replaces) a loss with second derivatives under <paramref name="name"/>: jobs naming it can train
    /// by L-BFGS or by Newton's method (<see cref="DistributedMethod.Newton"/>).
    /// </summary>
    /// <typeparam name="TLoss">A generated adapter struct for float and double whose method has d2 overloads.</typeparam>
    /// <param name="name">The name jobs use, not empty.</param>
    /// <param name="loss">The loss, with its fixed scalars set.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static void RegisterWithSecondOrder<TLoss>(string name, TLoss loss)
        where TLoss : struct, ISecondOrderPredictionLoss<float>, ISecondOrderPredictionLoss<double>
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Factories[name] = new SecondOrderShardFactory<TLoss>(loss);
    }

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => name is not null && Factories.ContainsKey(name);

    internal static IShardFactory Get(string name, int shard) =>
        Factories.TryGetValue(name, out IShardFactory? factory)
            ? factory
            : throw new ArgumentException($"Shard {shard}: the loss '{name}' is not registered on this silo (registered: {string.Join(", ", Factories.Keys)}).", nameof(name));

    private sealed class ShardFactory<TLoss>(TLoss loss) : IShardFactory
        where TLoss : struct, IPredictionLoss<float>, IPredictionLoss<double>
    {
        public ILocalShard Create<T>(T[] features, int columns, T[] targets, ShardSpec spec)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var options = new LinearObjectiveOptions { ChunkRows = spec.ChunkRows, Threads = spec.Threads };
            if (typeof(T) == typeof(float))
            {
                return new LocalShard<float, TLoss>(new LinearObjective<float, TLoss>((float[])(object)features, columns, (float[])(object)targets, loss, options));
            }
            return new LocalShard<double, TLoss>(new LinearObjective<double, TLoss>((double[])(object)features, columns, (double[])(object)targets, loss, options));
        }
    }

    private sealed class SecondOrderShardFactory<TLoss>(TLoss loss) : IShardFactory
        where TLoss : struct, ISecondOrderPredictionLoss<float>, ISecondOrderPredictionLoss<double>
    {
        public ILocalShard Create<T>(T[] features, int columns, T[] targets, ShardSpec spec)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var options = new LinearObjectiveOptions { ChunkRows = spec.ChunkRows, Threads = spec.Threads };
            if (typeof(T) == typeof(float))
            {
                return new SecondOrderLocalShard<float, TLoss>(new LinearObjective<float, TLoss>((float[])(object)features, columns, (float[])(object)targets, loss, options));
            }
            return new SecondOrderLocalShard<double, TLoss>(new LinearObjective<double, TLoss>((double[])(object)features, columns, (double[])(object)targets, loss, options));
        }
    }
}

/// <summary>Creates a shard's objective over its loaded rows.</summary>
internal interface IShardFactory
{
    ILocalShard Create<T>(T[] features, int columns, T[] targets, ShardSpec spec)
        where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>A loaded shard: its rows in a LinearObjective, answering evaluations in binary form.</summary>
internal interface ILocalShard : IDisposable
{
    long Rows { get; }

    byte[] Evaluate(double[] parameters, long totalRows, int shard, long evaluation);

    byte[] EvaluateSecondOrder(double[] parameters, long totalRows, int shard, long evaluation);
}

internal sealed class LocalShard<T, TLoss>(LinearObjective<T, TLoss> objective) : ILocalShard
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, IPredictionLoss<T>
{
    public long Rows => objective.Count;

    public byte[] Evaluate(double[] parameters, long totalRows, int shard, long evaluation) =>
        objective.EvaluatePartial(Parameters<T>(parameters), totalRows, shard, evaluation).ToBytes();

    public byte[] EvaluateSecondOrder(double[] parameters, long totalRows, int shard, long evaluation) =>
        throw new NotSupportedException($"Shard {shard}: its loss was registered without second derivatives (DistributedLosses.Register); register it with RegisterWithSecondOrder to train by Newton's method.");

    public void Dispose() => objective.Dispose();

    internal static TValue[] Parameters<TValue>(double[] parameters)
        where TValue : unmanaged, IFloatingPointIeee754<TValue>
    {
        var theta = new TValue[parameters.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = TValue.CreateTruncating(parameters[i]);
        }
        return theta;
    }
}

/// <summary>A loaded shard whose loss has second derivatives: it also answers with its curvature.</summary>
internal sealed class SecondOrderLocalShard<T, TLoss>(LinearObjective<T, TLoss> objective) : ILocalShard
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, ISecondOrderPredictionLoss<T>
{
    public long Rows => objective.Count;

    public byte[] Evaluate(double[] parameters, long totalRows, int shard, long evaluation) =>
        objective.EvaluatePartial(LocalShard<T, TLoss>.Parameters<T>(parameters), totalRows, shard, evaluation).ToBytes();

    public byte[] EvaluateSecondOrder(double[] parameters, long totalRows, int shard, long evaluation) =>
        objective.EvaluatePartialSecondOrder(LocalShard<T, TLoss>.Parameters<T>(parameters), totalRows, shard, evaluation).ToBytes();

    public void Dispose() => objective.Dispose();
}
