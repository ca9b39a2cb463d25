namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>The grain state the conformance suites store: a plain class, as grains keep with the System.Text.Json serializer.</summary>
public sealed record ConformanceState
{
    public string? Text { get; set; }

    public int Number { get; set; }

    public long Big { get; set; }
}
