using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Scoring;

/// <summary>
/// ONNX Runtime in this process (Microsoft.ML.OnnxRuntime): its one environment, and the memory cap every
/// scoring session shares. The cap is a CPU arena registered once per process with ONNX Runtime's
/// <c>max_mem</c>; sessions use it (<c>session.use_env_allocators</c>), so the tensors of all running models
/// together stay under it and a Run that needs more fails at once with <see cref="ResourceLimitExceededException"/>
/// instead of growing the process. Register one per process (a singleton); the first one fixes the cap.
/// </summary>
public sealed class OnnxRuntime
{
    /// <summary>The largest cap ONNX Runtime's managed arena settings take (a 32-bit byte count): 4095 MB.</summary>
    public const int MaxMemoryLimitMegabytes = 4095;

    private static readonly Lock RegisterLock = new();
    private static OrtEnv? _env;
    private static long _registeredCapBytes = -1;

    /// <summary>Creates the environment (once per process) with the memory cap of <paramref name="maxMemoryMegabytes"/>.</summary>
    /// <param name="maxMemoryMegabytes">Cap on ONNX Runtime's tensor memory in this process, 1..4095 MB; 0 for none.</param>
    public OnnxRuntime(int maxMemoryMegabytes = OnnxScoringOptions.DefaultMaxMemoryMegabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxMemoryMegabytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMemoryMegabytes, MaxMemoryLimitMegabytes);
        lock (RegisterLock)
        {
            if (_env is null)
            {
                // Level ERROR: ONNX Runtime's warnings (e.g. about unused initializers) are noise in batch logs.
                var creation = new EnvironmentCreationOptions { logId = "orleansbatch", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
                _env = OrtEnv.CreateInstanceWithOptions(ref creation);
            }

            if (_registeredCapBytes < 0)
            {
                if (maxMemoryMegabytes > 0)
                {
                    // Extend strategy 1 (kSameAsRequested): the arena grows by what is asked, never by powers of two past the cap.
                    using var arena = new OrtArenaCfg(checked((uint)maxMemoryMegabytes * 1024 * 1024), 1, -1, -1);
                    using var cpu = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
                    _env.CreateAndRegisterAllocator(cpu, arena);
                }

                _registeredCapBytes = maxMemoryMegabytes * 1024L * 1024;
            }

            Env = _env;
            MaxMemoryBytes = _registeredCapBytes;
        }

        Version = Env.GetVersionString();
    }

    /// <summary>ONNX Runtime's version string, e.g. <c>1.31.1</c>.</summary>
    public string Version { get; }

    /// <summary>The memory cap in force for ONNX Runtime's tensors in this process, in bytes; 0 when there is none.</summary>
    public long MaxMemoryBytes { get; }

    internal OrtEnv Env { get; }

    /// <summary>Session options with this runtime's policy: full graph optimization, the given threads, sequential execution, the shared capped arena.</summary>
    internal SessionOptions CreateSessionOptions(SessionThreading threading)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threading.IntraOpThreads,
            InterOpNumThreads = threading.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (MaxMemoryBytes > 0)
        {
            options.AddSessionConfigEntry("session.use_env_allocators", "1");
            // Constant folding computes a graph's constant parts once, at load, outside the capped arena: a tiny model
            // (ConstantOfShape([250000000])) then grows the process by a gigabyte per session. Unfolded, that work runs in
            // each Run, inside the cap, where it fails as ResourceLimitExceeded.
            options.AddSessionConfigEntry("optimization.disable_specified_optimizers", "ConstantFolding");
        }

        return options;
    }
}
