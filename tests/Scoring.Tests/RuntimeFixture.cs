namespace OrleansBatch.Scoring.Tests;

/// <summary>One ONNX Runtime per test run, as in a silo.</summary>
public sealed class RuntimeFixture
{
    public OnnxRuntime Runtime { get; } = new();
}
