namespace OrleansBatch.Scoring;

/// <summary>Settings of ONNX scoring in one silo (configuration section <c>Scoring</c> by convention).</summary>
public sealed class OnnxScoringOptions
{
    /// <summary>Path of <c>libonnxruntime.so.1</c>; null to use <c>OBATCH_ORT_LIBRARY</c> or the copy the build puts beside the app.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>
    /// Mini-batch workers that score at the same time in this silo. Sessions get
    /// <c>max(1, cores / ConcurrentWorkers)</c> intra-op threads, so the workers together fill the cores once.
    /// </summary>
    public int ConcurrentWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Rows per ONNX Runtime Run for tabular input (buffers of this many rows are reused).</summary>
    public int BatchRows { get; set; } = 1024;

    /// <summary>Files per ONNX Runtime Run for file input, when the model takes a batch dimension.</summary>
    public int BatchFiles { get; set; } = 64;

    /// <summary>Longest tabular line accepted; a longer one becomes an item error instead of exhausting memory.</summary>
    public int MaxLineBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Scorers (loaded model versions) kept in the per-silo cache; the least recently used beyond this is released once idle.</summary>
    public int MaxCachedScorers { get; set; } = 16;
}
