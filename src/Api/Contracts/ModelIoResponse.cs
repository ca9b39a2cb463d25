namespace OrleansBatch.Api.Contracts;

/// <summary>A model input or output: name, element type (<c>float</c>, <c>int64</c>, <c>seq(map(int64,float))</c>, ...) and shape (-1 = dynamic).</summary>
public sealed record ModelIoResponse(string Name, string Type, IReadOnlyList<long> Shape);
