using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>One ONNX graph the job scores with: the model version it came from and its artifact path.</summary>
public sealed record JobModelStep(string Model, int Version, string ArtifactPath);
