using LossGen.Training;

namespace LossGen.Tests.Training.Distributed;

/// <summary>Every shard answers exactly once per evaluation, with its own row count: anything else is an error naming the shard.</summary>
public class PartialEvaluationMergerTests
{
    private static readonly long[] Rows = [100, 250, 50];

    private static PartialEvaluation<double> Share(int shard, long evaluation = 7, long? rows = null, double[]? gradient = null) =>
        new(shard, evaluation, rows ?? Rows[shard], loss: shard + 0.5, gradient ?? [shard, 2.0 * shard, -1]);

    private static ShardAnswerException Rejected(params PartialEvaluation<double>[] answers)
    {
        var merger = new PartialEvaluationMerger<double>(Rows, 3);
        return Assert.Throws<ShardAnswerException>(() => merger.Merge(7, answers, new double[3]));
    }

    [Fact]
    public void MergesInShardOrderWhateverTheArrivalOrder()
    {
        var merger = new PartialEvaluationMerger<double>(Rows, 3);
        // Values whose sum depends on the order of addition: 1e16 + 1 − 1e16 is 0 left to right, 1 otherwise.
        PartialEvaluation<double>[] shares =
        [
            new(0, 7, 100, 1e16, [1e16, 0, 0]),
            new(1, 7, 250, 1, [1, 0, 0]),
            new(2, 7, 50, -1e16, [-1e16, 0, 0]),
        ];
        var g = new double[3];
        double inOrder = merger.Merge(7, shares, g);
        Assert.Equal((1e16 + 1) + -1e16, inOrder);
        Assert.Equal((1e16 + 1) + -1e16, g[0]);
        var g2 = new double[3];
        double reversed = merger.Merge(7, shares.Reverse().ToArray(), g2);
        Assert.Equal(inOrder, reversed);
        Assert.Equal(g, g2);
        Assert.Equal(400, merger.TotalRows);
    }

    [Fact]
    public void CurvaturesAreMergedToo()
    {
        var merger = new PartialEvaluationMerger<double>([1, 2], 2);
        var curvature = new double[3];
        merger.Merge(1, [new(1, 1, 2, 0, [0.0, 0], [1.0, 2, 3]), new(0, 1, 1, 0, [0.0, 0], [10.0, 20, 30])], new double[2], curvature);
        Assert.Equal([11.0, 22, 33], curvature);
        var e = Assert.Throws<ShardAnswerException>(() => merger.Merge(2, [new(0, 2, 1, 0, [0.0, 0], [1.0, 2, 3]), new(1, 2, 2, 0, [0.0, 0])], new double[2], curvature));
        Assert.Equal(1, e.Shard);
        Assert.Contains("shard 1", e.Message);
    }

    [Fact]
    public void DuplicateAnswerIsRejectedNamingTheShard()
    {
        var e = Rejected(Share(0), Share(1), Share(1), Share(2));
        Assert.Equal(1, e.Shard);
        Assert.Contains("shard 1 answered more than once", e.Message);
    }

    [Fact]
    public void MissingAnswersAreRejectedNamingTheShards()
    {
        var e = Rejected(Share(1));
        Assert.Equal(0, e.Shard);
        Assert.Contains("shards 0, 2 did not answer", e.Message);
        Assert.Contains("shard 2 did not answer", Rejected(Share(0), Share(1)).Message);
        Assert.Contains("did not answer", Rejected().Message);
    }

    [Fact]
    public void StaleAnswerIsRejected()
    {
        var e = Rejected(Share(0), Share(1, evaluation: 6), Share(2));
        Assert.Equal(1, e.Shard);
        Assert.Contains("shard 1 answered evaluation 6", e.Message);
    }

    [Fact]
    public void WrongRowCountUnknownShardAndWrongLengthAreRejected()
    {
        Assert.Contains("shard 2 answered over 49 rows, but it holds 50", Rejected(Share(0), Share(1), Share(2, rows: 49)).Message);
        Assert.Contains("shard 3", Rejected(Share(0), Share(1), Share(2), new PartialEvaluation<double>(3, 7, 10, 0, [0.0, 0, 0])).Message);
        Assert.Contains("shard 0 answered with 2 gradient values", Rejected(Share(0, gradient: [1.0, 2]), Share(1), Share(2)).Message);
    }

    [Fact]
    public void NothingIsWrittenWhenTheAnswersAreRejected()
    {
        var merger = new PartialEvaluationMerger<double>(Rows, 3);
        double[] gradient = [9, 9, 9];
        Assert.Throws<ShardAnswerException>(() => merger.Merge(7, [Share(0), Share(1)], gradient));
        Assert.Equal([9.0, 9, 9], gradient);
    }

    [Fact]
    public void ShardedObjectiveRejectsADuplicatedShard()
    {
        var objective = new ShardedObjective<double>(Rows, 3, (evaluation, _) => [Share(0, evaluation), Share(1, evaluation), Share(1, evaluation)]);
        var e = Assert.Throws<ShardAnswerException>(() => objective.Evaluate(new double[3], new double[3]));
        Assert.Equal(1, e.Shard);
        Assert.Equal(1, e.Evaluation);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Equal("shardRows", Assert.Throws<ArgumentException>(() => new PartialEvaluationMerger<double>([], 3)).ParamName);
        Assert.Equal("shardRows", Assert.Throws<ArgumentException>(() => new PartialEvaluationMerger<double>([1, 0], 3)).ParamName);
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new PartialEvaluationMerger<double>([1], 0)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => new PartialEvaluationMerger<double>(Rows, 3).Merge(7, [Share(0), Share(1), Share(2)], new double[2])).ParamName);
        Assert.Equal("l2", Assert.Throws<ArgumentOutOfRangeException>(() => new ShardedObjective<double>(Rows, 3, (_, _) => [], l2: -1)).ParamName);
    }
}
