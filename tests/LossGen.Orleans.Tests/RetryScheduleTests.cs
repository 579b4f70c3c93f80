using LossGen.Orleans;

namespace LossGen.Orleans.Tests;

/// <summary>
/// The pauses between retries of a failed shard call: doubling from <see cref="DistributedTrainerOptions.RetryDelay"/>,
/// capped at <see cref="DistributedTrainerOptions.MaxRetryDelay"/>, and with the defaults long enough in total to outlast
/// Orleans' default death declaration (three missed 5 s probes and two votes: 15–30 s).
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
        Assert.True(total > 2 * 30, $"{total} s of retries");
    }

    [Fact]
    public void NegativeDelaysAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedTrainerOptions { MaxRetryDelay = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal("MaxRetryDelay", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedTrainerOptions { RetryDelay = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal("RetryDelay", e.ParamName);
    }
}
