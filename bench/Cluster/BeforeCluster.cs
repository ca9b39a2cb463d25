using System.Diagnostics;
using System.Globalization;

namespace OrleansBatch.Bench.Cluster;

/// <summary>
/// This benchmark as built at the commit before the move onto Orleans (home-made runtime: leases, heartbeat membership,
/// storage queues), run as a child process with the same options; its result table is read back for the comparison.
/// </summary>
public static class BeforeCluster
{
    public static async Task<List<JobTiming>> RunAsync(string dll, IEnumerable<KeyValuePair<string, int>> options)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var timings = new List<JobTiming>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"before | {line}");
            // | setup | job | mini-batches | rows | seconds | rows/s | ms per mini-batch |
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length == 9 && int.TryParse(cells[3], CultureInfo.InvariantCulture, out var miniBatches)
                && long.TryParse(cells[4], CultureInfo.InvariantCulture, out var rows) && double.TryParse(cells[5], CultureInfo.InvariantCulture, out var seconds))
                timings.Add(new JobTiming(cells[1], cells[2], seconds, miniBatches, rows));
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The before benchmark ({dll}) failed: exit code {process.ExitCode}.");
        return timings;
    }
}
