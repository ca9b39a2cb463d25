namespace OrleansBatch.Scoring;

/// <summary>The inputs and outputs of a model as ONNX Runtime (or, for an ML.NET model, its schema) reports them, and the model's <see cref="ModelFormats">format</see>.</summary>
public sealed record ModelSignature(IReadOnlyList<ValueSpec> Inputs, IReadOnlyList<ValueSpec> Outputs, string Format = ModelFormats.Onnx);

/// <summary>
/// One model input or output: its name, its type (<c>float</c>, <c>int64</c>, <c>string</c>, ... for
/// tensors; <c>seq(map(int64,float))</c> for a ZipMap output) and its shape (-1 for a dynamic dimension;
/// empty for non-tensors).
/// </summary>
public sealed record ValueSpec(string Name, string ElementType, IReadOnlyList<long> Shape);
