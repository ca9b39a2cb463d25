using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansBatch.Bench.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Sqlite;

// Grain storage side by side: our SQLite provider against Orleans' in-memory provider, through grain calls in
// one silo (each call one storage write, or one storage read), and the providers called directly. Then the SQLite access pattern the provider uses
// (a pooled connection per operation) against one connection held open with a prepared statement.
// Usage: dotnet run -c Release --project bench/Providers -- [seconds-per-run=1.5] [grains=32]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.5;
var grainCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var runFor = TimeSpan.FromSeconds(seconds);
var work = Directory.CreateTempSubdirectory("obatch-bench-providers-").FullName;
Console.WriteLine($"cores {Environment.ProcessorCount}, {grainCount} grains called concurrently, {seconds:0.#} s per run, best of 2, {DateTime.UtcNow:u}");
try
{
    var builder = Host.CreateApplicationBuilder();
    // Errors only: on a loaded machine the silo warns about stalls, which would bury the tables.
    builder.Logging.SetMinimumLevel(LogLevel.Error);
    builder.UseOrleans(silo => silo
        .UseLocalhostClustering(FreePort(), FreePort())
        .UseSystemTextJsonGrainStorageSerializer()
        .AddSqliteGrainStorage(Providers.Sqlite, options => options.DatabasePath = Path.Combine(work, "grains.db"))
        .AddMemoryGrainStorage(Providers.Memory));
    using var host = builder.Build();
    await host.StartAsync();
    var factory = host.Services.GetRequiredService<IGrainFactory>();

    var sqlite = Enumerable.Range(0, grainCount).Select(i => (IStateGrain)factory.GetGrain<ISqliteStateGrain>(i)).ToArray();
    var memory = Enumerable.Range(0, grainCount).Select(i => (IStateGrain)factory.GetGrain<IMemoryStateGrain>(i)).ToArray();
    // Activates every grain and creates its row, so the runs measure steady-state calls.
    await Task.WhenAll(sqlite.Concat(memory).Select(g => g.Write(0)));

    // The same operations on the providers called directly (no grain call around them), one state per caller.
    IGrainStorage Provider(string name) => host.Services.GetRequiredKeyedService<IGrainStorage>(name);
    var ids = Enumerable.Range(0, grainCount).Select(i => GrainId.Create("bench", $"direct-{i}")).ToArray();
    var direct = new Dictionary<string, GrainState<BenchState>[]>();
    foreach (var name in new[] { Providers.Memory, Providers.Sqlite })
    {
        direct[name] = ids.Select(_ => new GrainState<BenchState> { State = new BenchState() }).ToArray();
        await Task.WhenAll(ids.Select((id, i) => Provider(name).WriteStateAsync("state", id, direct[name][i])));
    }

    Console.WriteLine();
    Console.WriteLine("| operation | in-memory ops/s | SQLite ops/s | SQLite / in-memory |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    await Row("grain call: WriteStateAsync", (grains, i, n) => grains[i].Write(n));
    await Row("grain call: ReadStateAsync", (grains, i, _) => grains[i].Read());
    await Row("provider: WriteStateAsync", (grains, i, _) => Provider(Name(grains)).WriteStateAsync("state", ids[i], direct[Name(grains)][i]));
    await Row("provider: ReadStateAsync", (grains, i, _) => Provider(Name(grains)).ReadStateAsync("state", ids[i], direct[Name(grains)][i]));

    string Name(IStateGrain[] grains) => grains == sqlite ? Providers.Sqlite : Providers.Memory;

    async Task Row(string operation, Func<IStateGrain[], int, int, Task> call)
    {
        double memoryRate = 0, sqliteRate = 0;
        for (var round = 0; round < 2; round++)
        {
            // Alternated, so both see the same share of a busy machine.
            memoryRate = Math.Max(memoryRate, await CallsPerSecond(grainCount, (i, n) => call(memory, i, n), runFor));
            sqliteRate = Math.Max(sqliteRate, await CallsPerSecond(grainCount, (i, n) => call(sqlite, i, n), runFor));
        }
        Console.WriteLine($"| {operation} | {memoryRate:N0} | {sqliteRate:N0} | {sqliteRate / memoryRate:0.00} |");
    }
    await host.StopAsync();

    Console.WriteLine();
    Console.WriteLine("| SQLite UPDATE of one row, one thread | ops/s | ratio |");
    Console.WriteLine("| --- | ---: | ---: |");
    var path = Path.Combine(work, "access.db");
    double held = 0, pooled = 0;
    for (var round = 0; round < 2; round++)
    {
        held = Math.Max(held, UpdatesPerSecond(path, perOperation: false, runFor / 2));
        pooled = Math.Max(pooled, UpdatesPerSecond(path, perOperation: true, runFor / 2));
    }
    Console.WriteLine($"| one connection held open, prepared statement | {held:N0} | 1.00 |");
    Console.WriteLine($"| pooled connection + new statement per operation (the providers) | {pooled:N0} | {pooled / held:0.00} |");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

// Each of the callers calls in a loop (call(caller, n)) until the time is up; calls per second over all of them.
static async Task<double> CallsPerSecond(int callers, Func<int, int, Task> call, TimeSpan runFor)
{
    var clock = Stopwatch.StartNew();
    var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
    {
        await Task.Yield();
        var n = 0;
        while (clock.Elapsed < runFor)
            await call(caller, n++);
        return n;
    }));
    return counts.Sum() / clock.Elapsed.TotalSeconds;
}

// The provider's way (SqliteFile: a pooled connection per operation, pragmas once per native handle, a new
// command) against one connection held open with one prepared command, on the provider's kind of row.
static double UpdatesPerSecond(string path, bool perOperation, TimeSpan runFor)
{
    using var file = new SqliteFile(path, TimeSpan.FromSeconds(10));
    file.EnsureSchema("CREATE TABLE IF NOT EXISTS state (id TEXT PRIMARY KEY, payload BLOB, etag TEXT) WITHOUT ROWID; INSERT OR IGNORE INTO state VALUES ('a', x'00', '0');");
    const string Sql = "UPDATE state SET payload = $payload, etag = $etag WHERE id = 'a'";
    var payload = new byte[80];
    var clock = Stopwatch.StartNew();
    var n = 0;
    if (perOperation)
    {
        while (clock.Elapsed < runFor)
        {
            using var connection = file.Open();
            using var update = connection.Command(Sql, null, ("$payload", payload), ("$etag", Guid.NewGuid().ToString("N")));
            update.ExecuteNonQuery();
            n++;
        }
    }
    else
    {
        using var connection = file.Open();
        using var update = connection.Command(Sql, null, ("$payload", payload), ("$etag", ""));
        update.Prepare();
        while (clock.Elapsed < runFor)
        {
            update.Parameters["$etag"].Value = Guid.NewGuid().ToString("N");
            update.ExecuteNonQuery();
            n++;
        }
    }
    return n / clock.Elapsed.TotalSeconds;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
