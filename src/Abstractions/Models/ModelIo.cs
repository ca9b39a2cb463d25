namespace OrleansBatch.Abstractions.Models;

/// <summary>One input or output of a model as ONNX Runtime reports it: name, element type and shape (-1 = dynamic).</summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelIo")]
public sealed record ModelIo(string Name, string Type, IReadOnlyList<long> Shape);
