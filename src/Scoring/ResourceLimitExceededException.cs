namespace OrleansBatch.Scoring;

/// <summary>
/// A Run needed more memory than the process's scoring memory cap (<see cref="OnnxScoringOptions.MaxMemoryMegabytes"/>)
/// allows; ONNX Runtime refused the allocation, so nothing grew. The slice fails with <see cref="Code"/>.
/// </summary>
public sealed class ResourceLimitExceededException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The stable error code: <c>ResourceLimitExceeded</c>.</summary>
    public const string Code = "ResourceLimitExceeded";
}
