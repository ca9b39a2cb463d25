using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Commands of the per-mini-batch result grain.</summary>
public static class MiniBatchResultCommands
{
    /// <summary>Records <paramref name="result"/> unless one exists; returns the winning record (the first one).</summary>
    public static Func<Current<MiniBatchResult>, Outcome<MiniBatchResult, MiniBatchResult>> RecordFirst(MiniBatchResult result) => current =>
        current.State is { } first
            ? Outcome<MiniBatchResult, MiniBatchResult>.Keep(first)
            : Outcome<MiniBatchResult, MiniBatchResult>.Write(result, result);
}
