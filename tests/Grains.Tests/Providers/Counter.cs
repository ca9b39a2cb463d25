using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Tests.Providers;

/// <summary>A small grain state for runtime tests, with its commands.</summary>
public sealed record Counter(int Value, IReadOnlyList<string> Log)
{
    /// <summary>Adds one and records who did it; returns the new value.</summary>
    public static Outcome<Counter, int> Increment(Current<Counter> current, string by)
    {
        var state = current.State ?? new Counter(0, []);
        var next = new Counter(state.Value + 1, [.. state.Log, by]);
        return Outcome<Counter, int>.Write(next, next.Value);
    }
}
