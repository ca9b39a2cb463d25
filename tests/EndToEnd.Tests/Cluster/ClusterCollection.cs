namespace OrleansBatch.EndToEnd.Tests.Cluster;

/// <summary>The cluster test classes run one after the other: each starts four processes of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
