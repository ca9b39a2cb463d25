namespace OrleansBatch.Dashboard.Tests.Support;

/// <summary>One gateway and one browser for every dashboard test (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
