using System.Diagnostics;
using System.Globalization;
using OrleansBatch.Bench.Telemetry;

// Telemetry overhead on a job: the same jobs with telemetry off, metrics only, and on (metrics and every span), side by
// side, ratios to off.
// Usage: dotnet run -c Release --project bench/Telemetry -- [rounds] [jobs-per-round]
// Each round runs one process per mode (in turn, so all see the same share of a busy machine); each process warms up,
// then times jobs-per-round jobs of each workload and reports their median.
if (args is ["child", var childMode, var root, var count])
    return await TelemetryRun.RunAsync(childMode, root, int.Parse(count, CultureInfo.InvariantCulture));

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var jobs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var repositoryRoot = FindRoot();
Console.WriteLine($"cores {Environment.ProcessorCount}, {rounds} rounds of {jobs} jobs per workload and mode, {DateTime.UtcNow:u}");
var results = new Dictionary<string, List<double>>();
for (var round = 0; round < rounds; round++)
{
    foreach (var mode in new[] { "off", "metrics", "on" })
    {
        foreach (var (key, value) in await ChildAsync(mode))
        {
            if (!results.TryGetValue($"{key}|{mode}", out var list))
                results[$"{key}|{mode}"] = list = [];
            list.Add(value);
        }
    }
}
foreach (var workload in new[] { "rows", "minibatches" })
{
    var off = Median(results[$"{workload}|off"]);
    var on = Median(results[$"{workload}|on"]);
    var metrics = Median(results[$"{workload}|metrics"]);
    var spans = Median(results[$"{workload}.spans|on"]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{workload,-12} telemetry off {off:0.000} s   metrics only {metrics:0.000} s   on {on:0.000} s   metrics/off {metrics / off:0.000}   on/off {on / off:0.000}   ({spans:0} spans per job exported when on; rounds off {Join(results[$"{workload}|off"])}, metrics {Join(results[$"{workload}|metrics"])}, on {Join(results[$"{workload}|on"])})"));
}
return 0;

async Task<Dictionary<string, double>> ChildAsync(string mode)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    // Run as "dotnet bench.dll" or as the apphost alike.
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        start.ArgumentList.Add(typeof(TelemetryRun).Assembly.Location);
    foreach (var argument in new[] { "child", mode, repositoryRoot, jobs.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(argument);
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("result ", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The {mode} run failed (exit {child.ExitCode}): {output}");
    return line["result ".Length..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static string Join(List<double> values) => string.Join("/", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
            return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}
