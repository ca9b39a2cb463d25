using System.Globalization;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>One line of a job's plain-text log.</summary>
public sealed record JobLogEntry(DateTimeOffset At, string Level, string Source, string Message)
{
    /// <summary><c>2026-11-21T12:00:00.123Z info  owner@silo-1: planned 12 mini-batches</c></summary>
    public string Format() =>
        $"{At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {Level,-7} {Source}: {Message}";
}
