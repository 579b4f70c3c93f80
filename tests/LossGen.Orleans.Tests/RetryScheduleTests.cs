using LossGen.Orleans;
using Orleans.Configuration;

namespace LossGen.Orleans.Tests;

/// <summary>
/// The pauses between retries of a failed shard call: doubling from <see cref="DistributedTrainerOptions.RetryDelay"/>,
/// capped at <see cref="DistributedTrainerOptions.MaxRetryDelay"/>, and with the defaults long enough in total to outlast
/// Orleans' default death declaration (three missed probes and two votes: typically some 15 s, and up to three probe
/// timeouts at their adaptive maximum, 3 × 20 s, when the probes have slowed).
/// </summary>
public class RetryScheduleTests
{
    [Fact]
    public void DelaysDoubleUpToTheCap()
    {
        var options = new DistributedTrainerOptions { RetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        double[] seconds = Enumerable.Range(0, 6).Select(r => options.RetryDelayBefore(r).TotalSeconds).ToArray();
        Assert.Equal([0.2, 0.4, 0.8, 1, 1, 1], seconds);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryDelayBefore(int.MaxValue));
    }

    [Fact]
    public void ACapBelowTheFirstDelayKeepsTheFirstDelay()
    {
        var options = new DistributedTrainerOptions { RetryDelay = TimeSpan.FromSeconds(3), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        Assert.Equal(TimeSpan.FromSeconds(3), options.RetryDelayBefore(0));
        Assert.Equal(TimeSpan.FromSeconds(3), options.RetryDelayBefore(10));
        Assert.Equal(TimeSpan.Zero, new DistributedTrainerOptions { RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero }.RetryDelayBefore(5));
    }

    [Fact]
    public void TheDefaultRetriesOutlastOrleansDefaultDeathDeclaration()
    {
        var options = new DistributedTrainerOptions();
        double total = Enumerable.Range(0, options.MaxRetries).Sum(r => options.RetryDelayBefore(r).TotalSeconds);
        // 0.5 + 1 + 2 + 4, then 16 pauses of 5 s.
        Assert.Equal(87.5, total, 9);
        // Orleans' own defaults: a silo is suspected after NumMissedProbesLimit missed probes, each waiting at most
        // MaxProbeTimeout (the probe timeout adapts from ProbeTimeout); the retries must outlast the slowest of that.
        var membership = new ClusterMembershipOptions();
        double slowestSuspicion = membership.NumMissedProbesLimit * membership.MaxProbeTimeout.TotalSeconds;
        Assert.True(total > slowestSuspicion, $"{total} s of retries, {slowestSuspicion} s to suspect a dead silo");
    }

    [Fact]
    public void NegativeDelaysAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedTrainerOptions { MaxRetryDelay = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal("MaxRetryDelay", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedTrainerOptions { RetryDelay = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal("RetryDelay", e.ParamName);
    }

    [Theory]
    [InlineData("RetryDelay")]
    [InlineData("MaxRetryDelay")]
    [InlineData("CallTimeout")]
    public void WaitsLongerThanTaskDelayTakesAreRefusedByName(string name)
    {
        // The runtime's own limit (2^32 - 2 ms), checked here rather than copied: a wait Task.Delay refuses would
        // otherwise pass validation and fail the run at its first retry, after the shards have loaded.
        TimeSpan longest = TimeSpan.FromMilliseconds(4_294_967_294);
        TimeSpan tooLong = longest + TimeSpan.FromMilliseconds(1);
        Assert.True(Task.Delay(longest, new CancellationToken(true)).IsCanceled);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Task.Delay(tooLong, new CancellationToken(true)); });

        With(name, longest).Validate();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => With(name, tooLong).Validate());
        Assert.Equal(name, e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => With(name, TimeSpan.MaxValue).Validate());
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void TheLongestCapIsAWaitTaskDelayTakes()
    {
        var options = new DistributedTrainerOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(4_294_967_294) };
        options.Validate();
        TimeSpan last = options.RetryDelayBefore(1_000);
        Assert.Equal(options.MaxRetryDelay, last);
        Assert.True(Task.Delay(last, new CancellationToken(true)).IsCanceled);
    }

    private static DistributedTrainerOptions With(string name, TimeSpan value) => name switch
    {
        "RetryDelay" => new DistributedTrainerOptions { RetryDelay = value },
        "MaxRetryDelay" => new DistributedTrainerOptions { MaxRetryDelay = value },
        "CallTimeout" => new DistributedTrainerOptions { CallTimeout = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a wait of the options."),
    };
}
