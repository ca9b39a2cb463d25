using System.Diagnostics;
using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Tests.Files;
using Xunit.Abstractions;

namespace OrleansBatch.Scoring.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class SessionLifetimeTests(RuntimeFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void A_thousand_session_create_dispose_cycles_do_not_grow_resident_memory()
    {
        var model = SampleDirectory.Path("tree-ensemble", "model.onnx");
        var threading = new SessionThreading(1);
        Cycle(model, threading, 50); // warm-up: arenas, caches and JIT reach their steady size
        var before = ResidentBytes();

        Cycle(model, threading, 1000);
        var after = ResidentBytes();

        var growth = (after - before) / (1024.0 * 1024.0);
        output.WriteLine($"RSS before {before / 1048576.0:F1} MB, after 1,000 cycles {after / 1048576.0:F1} MB, growth {growth:F1} MB");
        Assert.True(growth < 50, $"resident memory grew {growth:F1} MB over 1,000 session cycles");
    }

    private void Cycle(string model, SessionThreading threading, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var session = new OnnxSession(fixture.Runtime, model, threading);
            Assert.Equal("input", session.Inputs[0].Name);
        }
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
