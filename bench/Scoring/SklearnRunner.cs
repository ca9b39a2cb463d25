using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrleansBatch.Bench.Scoring;

/// <summary>Runs sklearn_bench.py with /usr/bin/python3 on the same replicated files and prints its own timings.</summary>
internal static class SklearnRunner
{
    private const string Python = "/usr/bin/python3";

    public static void Run(BenchData data, BenchOptions options)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sklearn_bench.py");
        if (!File.Exists(Python))
        {
            Console.WriteLine($"scikit-learn: skipped ({Python} not found)");
            return;
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, data.BreastCancerCsv, data.WineCsv, options.Files.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"scikit-learn: skipped (python exited {process.ExitCode}: {stderr.Trim().Split('\n').LastOrDefault()})");
            return;
        }

        Console.WriteLine($"{"scikit-learn (timed in python)",-34} {"predict rows/s",14} {"load+predict rows/s",20}");
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var json = JsonDocument.Parse(line).RootElement;
            var rows = json.GetProperty("rows").GetDouble();
            var load = json.GetProperty("load_s").GetDouble();
            var predict = json.GetProperty("predict_s").GetDouble();
            Console.WriteLine($"{json.GetProperty("case").GetString(),-34} {rows / predict,14:N0} {rows / (load + predict),20:N0}");
        }
    }
}
