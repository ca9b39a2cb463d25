namespace OrleansBatch.Abstractions.Jobs;

/// <summary>One ONNX graph the job scores with: the model version it came from and its artifact path.</summary>
[GenerateSerializer, Immutable, Alias("obatch.JobModelStep")]
public sealed record JobModelStep(string Model, int Version, string ArtifactPath);
