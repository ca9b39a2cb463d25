namespace OrleansBatch.Scoring;

/// <summary>Settings of ONNX scoring in one silo (configuration section <c>Scoring</c> by convention).</summary>
public sealed class OnnxScoringOptions
{
    /// <summary>The cap when <c>OBATCH_SCORING_MEMORY_MB</c> is not set: 2048 MB.</summary>
    public const int DefaultMaxMemoryMegabytes = 2048;

    /// <summary>The environment variable that sets <see cref="MaxMemoryMegabytes"/>.</summary>
    public const string MaxMemoryVariable = "OBATCH_SCORING_MEMORY_MB";

    /// <summary>
    /// Cap on the memory ONNX Runtime may hold for tensors in this process (all models and runs together), in MB,
    /// 1..4095; 0 for no cap. A mini-batch whose Run needs more fails with <c>ResourceLimitExceeded</c> and the
    /// process stays under the cap. Default: <c>OBATCH_SCORING_MEMORY_MB</c>, else 2048.
    /// </summary>
    public int MaxMemoryMegabytes { get; set; } = FromEnvironment();

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

    private static int FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(MaxMemoryVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxMemoryMegabytes;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb <= OnnxRuntime.MaxMemoryLimitMegabytes
            ? mb
            : throw new InvalidOperationException($"{MaxMemoryVariable} is '{text}'; set it to a whole number of megabytes from 0 (no cap) to {OnnxRuntime.MaxMemoryLimitMegabytes}.");
    }
}
