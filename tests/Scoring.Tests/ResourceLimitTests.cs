using System.Diagnostics;
using OrleansBatch.Scoring.Tests.Models;

namespace OrleansBatch.Scoring.Tests;

/// <summary>The memory cap and cancellation stop a running model, and the scorer keeps working afterwards.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ResourceLimitTests(RuntimeFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions());

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void The_process_has_a_memory_cap_by_default()
    {
        Assert.Equal(OnnxScoringOptions.DefaultMaxMemoryMegabytes * 1024L * 1024, fixture.Runtime.MaxMemoryBytes);
    }

    [Fact]
    public void A_row_that_needs_more_memory_than_the_cap_fails_with_ResourceLimitExceeded_and_the_process_stays_small()
    {
        var model = _dir.File("bomb.onnx");
        DemandingModels.WriteMemoryBomb(model);
        var scorer = _factory.GetOrCreate(new ScorerSpec("bomb", [model]));
        var small = _dir.Write("small.csv", "n\n1000\n");
        var huge = _dir.Write("huge.csv", "n\n1000000000\n"); // 4 GB of floats in one tensor
        var before = ResidentBytes();

        var error = Assert.Throws<ResourceLimitExceededException>(() => scorer.Score(new InputSlice(huge, "huge.csv"), new CollectingSink()));
        var after = ResidentBytes();

        Assert.Contains("memory cap of 2048 MB", error.Message);
        Assert.Contains(OnnxScoringOptions.MaxMemoryVariable, error.Message);
        Assert.True(after - before < 256L * 1024 * 1024, $"the process grew by {(after - before) / 1048576} MB");
        var sink = new CollectingSink();
        var result = scorer.Score(new InputSlice(small, "small.csv"), sink);
        Assert.Equal(1, result.RowsScored);
        Assert.Equal("0", Assert.Single(sink.Rows).Values);
    }

    [Fact]
    public void The_shipped_memory_bomb_sample_is_the_model_this_writer_makes()
    {
        var written = _dir.File("bomb.onnx");
        DemandingModels.WriteMemoryBomb(written);

        Assert.Equal(File.ReadAllBytes(written), File.ReadAllBytes(Files.SampleDirectory.Path("memory-bomb", "model.onnx")));
    }

    [Fact]
    public void Cancelling_stops_a_running_model_mid_run()
    {
        var model = _dir.File("slow.onnx");
        DemandingModels.WriteSlow(model);
        var scorer = _factory.GetOrCreate(new ScorerSpec("slow", [model]));
        // 300 Sin layers over 20 million floats: about a minute of work here unless ONNX Runtime is told to stop.
        var data = _dir.Write("slow.csv", "n\n20000000\n");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => scorer.Score(new InputSlice(data, "slow.csv"), new CollectingSink(), cts.Token));

        output.WriteLine($"stopped {clock.Elapsed} after the start, the cancel at 0.5 s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Run went on for {clock.Elapsed} after the cancel");
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
