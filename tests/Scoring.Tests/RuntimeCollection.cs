namespace OrleansBatch.Scoring.Tests;

/// <summary>Tests that share the one <see cref="RuntimeFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RuntimeCollection : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "onnxruntime";
}
