using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansBatch.Bench.Grains;
using OrleansBatch.Bench.Providers;
using OrleansBatch.Storage.Sqlite;
using OrleansBatch.Storage.Tests.Azure;

// Grain call and grain state costs on a 2-silo Orleans test cluster (Orleans.TestingHost, in this process, real TCP
// between the silos on loopback), side by side in one run: a grain calling a grain on its own silo, on the other
// silo, the test client calling a grain through a gateway; a grain-state write on our SQLite grain storage (the
// embedded default's) and on Orleans' Azure Table and Azure Blob grain storage on Azurite (the cluster's: blobs). Each
// with one call in flight (the latency of one) and with 32 in flight (the rate), median of 3 rounds alternated.
// Usage: dotnet run -c Release --project bench/Grains -- [calls=2000] [writes=300]
var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var writes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
const int Concurrent = 32;
var work = Directory.CreateTempSubdirectory("obatch-bench-grains-").FullName;
// The test cluster writes its silos' log files under logs/ of the current directory: keep them in the temp folder.
var startedIn = Environment.CurrentDirectory;
Environment.CurrentDirectory = work;
Console.WriteLine($"cores {Environment.ProcessorCount}, {calls} calls and {writes} writes per measurement, median of 3 rounds, {DateTime.UtcNow:u}");
await using var azurite = await AzuriteServer.StartAsync();
var builder = new InProcessTestClusterBuilder(2);
builder.ConfigureSilo((options, silo) =>
{
    silo.UseSystemTextJsonGrainStorageSerializer();
    silo.AddSqliteGrainStorage(Providers.Sqlite, o => o.DatabasePath = Path.Combine(work, options.SiloName + ".db"));
    silo.AddAzureTableGrainStorage(AzureProviders.Table, o => o.Configure(t =>
    {
        t.TableServiceClient = new TableServiceClient(azurite.ConnectionString);
        t.TableName = "benchgrains";
    }));
    silo.AddAzureBlobGrainStorage(AzureProviders.Blob, o => o.Configure(b =>
    {
        b.BlobServiceClient = new BlobServiceClient(azurite.ConnectionString);
        b.ContainerName = "bench-grains";
    }));
    // Errors only: on a loaded machine the silos warn about stalls, which would bury the table.
    silo.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Error));
});
var cluster = builder.Build();
try
{
    await cluster.DeployAsync();
    var grains = cluster.Client;

    // Random placement: among a few probes some run on each silo. The caller is probe 0; the targets are the first probe
    // on its silo and the first on the other.
    var probes = Enumerable.Range(0, 32).Select(i => grains.GetGrain<IProbeGrain>(i)).ToList();
    var silos = await Task.WhenAll(probes.Select(p => p.Where()));
    var local = Enumerable.Range(1, probes.Count - 1).First(i => silos[i] == silos[0]);
    var remote = Enumerable.Range(1, probes.Count - 1).First(i => silos[i] != silos[0]);
    var sqlite = Enumerable.Range(0, Concurrent).Select(i => (IStateGrain)grains.GetGrain<ISqliteStateGrain>(i)).ToArray();
    var table = Enumerable.Range(0, Concurrent).Select(i => (IStateGrain)grains.GetGrain<IAzureTableStateGrain>(i)).ToArray();
    var blob = Enumerable.Range(0, Concurrent).Select(i => (IStateGrain)grains.GetGrain<IAzureBlobStateGrain>(i)).ToArray();
    // Activates the state grains and creates their rows, so the rounds measure steady-state writes.
    await Task.WhenAll(sqlite.Concat(table).Concat(blob).Select(g => g.Write(0)));

    var cases = new (string Name, int Count, Func<int, Task<double>> Run)[]
    {
        ("grain -> grain, same silo", calls, inFlight => probes[0].Call(local, calls, inFlight)),
        ("grain -> grain, other silo", calls, inFlight => probes[0].Call(remote, calls, inFlight)),
        ("client -> grain (gateway)", calls, inFlight => Timed(calls, inFlight, i => probes[remote].Ping(i))),
        ("state write, SQLite grain storage", writes, inFlight => Timed(writes, inFlight, i => sqlite[i % inFlight].Write(i))),
        ("state write, Azure Table grain storage (Azurite)", writes, inFlight => Timed(writes, inFlight, i => table[i % inFlight].Write(i))),
        ("state write, Azure Blob grain storage (Azurite; the cluster's)", writes, inFlight => Timed(writes, inFlight, i => blob[i % inFlight].Write(i))),
    };
    // Warm-up of every path, then 3 rounds with every case alternated, so each sees the same share of a busy machine.
    foreach (var c in cases)
    {
        await c.Run(1);
        await c.Run(Concurrent);
    }
    var latency = cases.Select(_ => new List<double>()).ToArray();
    var rate = cases.Select(_ => new List<double>()).ToArray();
    for (var round = 0; round < 3; round++)
    {
        for (var i = 0; i < cases.Length; i++)
        {
            latency[i].Add(await cases[i].Run(1) / cases[i].Count * 1e6);
            rate[i].Add(cases[i].Count / await cases[i].Run(Concurrent));
        }
    }

    // The premise of the two call rows: the caller and its targets are still where they were found.
    var after = await Task.WhenAll(new[] { 0, local, remote }.Select(i => probes[i].Where()));
    if (after[0] != silos[0] || after[1] != silos[0] || after[2] == silos[0])
        throw new InvalidOperationException($"The probes moved during the run ({string.Join(", ", after)}): the same-silo and other-silo rows are not what they say.");
    Console.WriteLine($"caller and same-silo target on {after[0]}, other-silo target on {after[2]}");
    Console.WriteLine();
    Console.WriteLine("| operation | µs each, 1 in flight | per second, 32 in flight | latency / same-silo call |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    var baseline = Median(latency[0]);
    for (var i = 0; i < cases.Length; i++)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[i].Name} | {Median(latency[i]):N1} | {Median(rate[i]):N0} | {Median(latency[i]) / baseline:N1} |"));
}
finally
{
    await cluster.StopAllSilosAsync();
    await cluster.DisposeAsync();
    Environment.CurrentDirectory = startedIn;
    Directory.Delete(work, recursive: true);
}

// Runs `count` calls with `inFlight` of them outstanding at once; returns the elapsed seconds.
static async Task<double> Timed(int count, int inFlight, Func<int, Task> call)
{
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async lane =>
    {
        for (var i = lane; i < count; i += inFlight)
            await call(i);
    }));
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
