namespace OrleansBatch.Security.Tests.Remote;

/// <summary>The remote-access attack classes share one cluster-mode gateway on Azurite (one gateway, two tenants, one finished job).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterGatewayCollection : ICollectionFixture<ClusterGateway>
{
    public const string Name = "Remote access on a cluster-mode gateway";
}
