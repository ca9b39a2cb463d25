using System.Diagnostics;
using System.Globalization;
using OrleansBatch.Bench.Cluster;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Storage.Tests.Azure;

// The same jobs on the embedded default (one process: Orleans silo on localhost clustering, SQLite grain state, Local
// files) and on a gateway plus 1, 2 and 3 silo processes clustered through Orleans' Azure providers on Azurite, side by
// side in one run:
//   throughput: a large CSV through the breast-cancer pipeline in "<n> rows" mini-batches;
//   overhead:   a small CSV in tiny mini-batches, where storage round trips dominate: wall time per mini-batch;
//   failover:   on 3 silos, kill -9 of the job's owner mid-job to the job taken over by another silo (median of runs).
// With --before <old OrleansBatch.Bench.Cluster.dll>, the throughput and overhead jobs first run in this benchmark built
// at the commit before the move onto Orleans (a child process with its own Azurite), and a table compares the two.
// Usage: dotnet run --project bench/Cluster -c Release [-- --rows 200000 --batch-rows 5000 --overhead-rows 2000
//   --overhead-batch-rows 10 --workers 2 --max-silos 3 --failover-runs 3 --failover-rows 100000 --before <dll>]
var options = new Dictionary<string, int>(StringComparer.Ordinal)
{
    ["--rows"] = 200_000, ["--batch-rows"] = 5_000, ["--overhead-rows"] = 2_000, ["--overhead-batch-rows"] = 10, ["--workers"] = 2, ["--max-silos"] = 3,
    ["--failover-runs"] = 3, ["--failover-rows"] = 100_000,
};
string? beforeDll = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--before" && File.Exists(args[i + 1]))
    {
        beforeDll = Path.GetFullPath(args[i + 1]);
        continue;
    }
    if (!options.ContainsKey(args[i]) || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < (args[i] == "--failover-runs" ? 0 : 1))
    {
        Console.Error.WriteLine($"Unknown option or bad value: {args[i]} {args[i + 1]}. Options: {string.Join(", ", options.Keys)}, --before <existing dll>");
        return 2;
    }
    options[args[i]] = value;
}

var directory = Directory.CreateTempSubdirectory("obatch-bench-cluster-").FullName;
var large = BenchCsv.Write(Path.Combine(directory, "large"), options["--rows"]);
var small = BenchCsv.Write(Path.Combine(directory, "small"), options["--overhead-rows"]);
var warm = BenchCsv.Write(Path.Combine(directory, "warm"), 200);
var timings = new List<JobTiming>();
var failovers = new List<Failover.Result>();
Console.WriteLine($"{Environment.ProcessorCount} cores; {options["--workers"]} workers per silo; window 6 mini-batches per job");
// The options both versions know (the old one has no failover part).
var before = beforeDll is null ? null : await BeforeCluster.RunAsync(beforeDll, options.Where(o => !o.Key.StartsWith("--failover", StringComparison.Ordinal)));

try
{
    await using (var embedded = await ClusterSetup.EmbeddedAsync(directory, options["--workers"]))
        timings.AddRange(await MeasureAsync(embedded));
    await using var azurite = await AzuriteServer.StartAsync();
    for (var silos = 1; silos <= options["--max-silos"]; silos++)
    {
        await using var cluster = await ClusterSetup.OnAzuriteAsync(directory, azurite.ConnectionString, silos, options["--workers"]);
        timings.AddRange(await MeasureAsync(cluster));
    }
    if (options["--failover-runs"] > 0)
    {
        await using var cluster = await ClusterSetup.OnAzuriteAsync(directory, azurite.ConnectionString, 3, options["--workers"]);
        await RunAsync(cluster, "warm-up", warm, "20 rows");
        var upload = await cluster.Client.UploadFilesAsync([BenchCsv.Write(Path.Combine(directory, "failover"), options["--failover-rows"])]);
        for (var run = 0; run < options["--failover-runs"]; run++)
        {
            var result = await Failover.RunAsync(cluster, upload.Path, "500 rows");
            failovers.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failover run {run + 1}: kill -9 of the owner -> taken over {result.TakeOverSeconds:0.00} s, next mini-batch done {result.ProgressSeconds:0.00} s; job {result.Status}, {result.MiniBatches} mini-batches"));
        }
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

Console.WriteLine();
Console.WriteLine("| setup | job | mini-batches | rows | seconds | rows/s | ms per mini-batch (wall / count) |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var t in timings)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t.Setup} | {t.Job} | {t.MiniBatches} | {t.Rows} | {t.Seconds:0.00} | {t.RowsPerSecond:0} | {t.MillisecondsPerMiniBatch:0.0} |"));
if (before is not null)
{
    Console.WriteLine();
    Console.WriteLine("| setup | job | before: ms per mini-batch | after: ms per mini-batch | after / before | before: rows/s | after: rows/s | after / before |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var t in timings)
    {
        if (before.FirstOrDefault(b => b.Setup == t.Setup && b.Job == t.Job) is not { } b)
            continue;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {t.Setup} | {t.Job} | {b.MillisecondsPerMiniBatch:0.0} | {t.MillisecondsPerMiniBatch:0.0} | {t.MillisecondsPerMiniBatch / b.MillisecondsPerMiniBatch:0.00} | {b.RowsPerSecond:0} | {t.RowsPerSecond:0} | {t.RowsPerSecond / b.RowsPerSecond:0.00} |"));
    }
}
if (failovers.Count > 0)
{
    static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"failover, 3 silos on Azurite, {failovers.Count} runs: kill -9 of the owner -> job taken over, median {Median(failovers.Select(f => f.TakeOverSeconds)):0.00} s " +
        $"(runs {string.Join(", ", failovers.Select(f => f.TakeOverSeconds.ToString("0.00", CultureInfo.InvariantCulture)))}); -> next mini-batch done, median {Median(failovers.Select(f => f.ProgressSeconds)):0.00} s; " +
        $"jobs {string.Join(", ", failovers.Select(f => f.Status).Distinct())}"));
}
return 0;

async Task<List<JobTiming>> MeasureAsync(ClusterSetup setup)
{
    // Warm-up: loads the models in every silo that takes a mini-batch, and the gateway's paths.
    await RunAsync(setup, "warm-up", warm, "20 rows");
    return
    [
        await RunAsync(setup, $"{options["--rows"]} rows, \"{options["--batch-rows"]} rows\"", large, $"{options["--batch-rows"]} rows"),
        await RunAsync(setup, $"{options["--overhead-rows"]} rows, \"{options["--overhead-batch-rows"]} rows\"", small, $"{options["--overhead-batch-rows"]} rows"),
    ];
}

async Task<JobTiming> RunAsync(ClusterSetup setup, string label, string file, string miniBatchSize)
{
    // Uploaded first (not timed): the input lives in the provider's store, as it would in production.
    var upload = await setup.Client.UploadFilesAsync([file]);
    var clock = Stopwatch.StartNew();
    var job = await setup.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
    {
        Input = BatchJobInput.Folder(upload.Path),
        Settings = new BatchJobSettings { MiniBatchSize = miniBatchSize },
    });
    var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(50));
    clock.Stop();
    if (done.Status != BatchJobStatus.Completed)
        throw new InvalidOperationException($"{setup.Name}: job {done.Name} ended {done.Status}: {done.Error?.Message}");
    var timing = new JobTiming(setup.Name, label, clock.Elapsed.TotalSeconds, done.Progress!.MiniBatches.Total, done.Progress.RowsWritten);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{setup.Name,-20} {label,-28} {timing.Seconds,8:0.00} s  {timing.MiniBatches,5} mini-batches"));
    return timing;
}
