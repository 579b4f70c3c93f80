using Orleans.TestingHost;

namespace LossGen.Orleans.Tests;

/// <summary>One real three-silo Orleans cluster in this process (loopback), shared by the tests of the collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public static async Task<TestCluster> StartAsync(int silos = 3)
    {
        var builder = new TestClusterBuilder((short)silos);
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task InitializeAsync() => Cluster = await StartAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
