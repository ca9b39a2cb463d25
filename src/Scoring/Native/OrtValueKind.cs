namespace OrleansBatch.Scoring.Native;

/// <summary><c>ONNXType</c> values (shared/ort-c-api.md).</summary>
internal enum OrtValueKind
{
    Unknown = 0,
    Tensor = 1,
    Sequence = 2,
    Map = 3,
    Opaque = 4,
    SparseTensor = 5,
    Optional = 6,
}
