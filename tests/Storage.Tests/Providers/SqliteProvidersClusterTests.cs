using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using OrleansBatch.Storage.Sqlite;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>
/// Both SQLite providers in a real silo, registered the way the embedded default registers them: grain state
/// and a reminder survive the silo stopping and a new one starting on the same file.
/// </summary>
public sealed class SqliteProvidersClusterTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));
    private readonly string _serviceId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    private string DatabasePath => Path.Combine(_folder, "grains.db");

    [Fact]
    public async Task State_and_reminder_survive_a_restart_of_the_silo()
    {
        int ticksBeforeStop;
        await using (var cluster = await StartAsync())
        {
            var counter = cluster.Client.GetGrain<ICounterGrain>("tenant/job-1");
            await counter.Add(2);
            Assert.Equal(3, await counter.Add(1));
            await counter.StartTicking(Period);
            ticksBeforeStop = await WaitForTicksAsync(counter, atLeast: 2);
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await StartAsync())
        {
            var counter = cluster.Client.GetGrain<ICounterGrain>("tenant/job-1");

            Assert.Equal(3, await counter.Add(0));
            Assert.True(await counter.HasTicker());
            // Nobody registers it again: the new silo's reminder service loaded it from the table.
            await WaitForTicksAsync(counter, atLeast: ticksBeforeStop + 2);

            await counter.StopTicking();
            Assert.False(await counter.HasTicker());
            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task State_is_stored_by_the_silos_grain_storage_serializer()
    {
        await using (var cluster = await StartAsync())
        {
            await cluster.Client.GetGrain<ICounterGrain>("tenant/job-2").Add(5);
            await cluster.StopAllSilosAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT grain_type, grain_id, CAST(payload AS TEXT) FROM orleans_grain_state";
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("counter", reader.GetString(0));
        Assert.EndsWith("tenant/job-2", reader.GetString(1));
        // System.Text.Json's output: plain property names, no Newtonsoft "$type" with assembly names.
        using var json = JsonDocument.Parse(reader.GetString(2));
        Assert.Equal(5, json.RootElement.GetProperty("Total").GetInt32());
        Assert.DoesNotContain("$type", reader.GetString(2));
    }

    [Theory]
    [InlineData("grains", "SqliteGrainStorageOptions.DatabasePath is not set")]
    [InlineData("reminders", "SqliteReminderTableOptions.DatabasePath is not set")]
    public async Task A_silo_with_no_database_path_does_not_start_and_says_which_setting_to_set(string provider, string message)
    {
        var builder = Builder(grainsPath: provider == "grains" ? "" : DatabasePath, remindersPath: provider == "reminders" ? "" : DatabasePath);
        await using var cluster = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        var configuration = Assert.IsType<OrleansConfigurationException>(Flatten(failure).FirstOrDefault(e => e is OrleansConfigurationException) ?? throw new Xunit.Sdk.XunitException(failure.ToString()));
        Assert.Contains(message, configuration.Message);
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_is_refused_at_start_up()
    {
        Directory.CreateDirectory(_folder);
        await using var cluster = Builder(grainsPath: _folder, remindersPath: DatabasePath).Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        var configuration = Flatten(failure).OfType<OrleansConfigurationException>().First();
        Assert.Contains("is a folder", configuration.Message);
        Assert.Contains("grains.db", configuration.Message);
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var cluster = Builder(DatabasePath, DatabasePath).Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private InProcessTestClusterBuilder Builder(string grainsPath, string remindersPath)
    {
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddSqliteGrainStorage(CounterGrain.StorageName, options => options.DatabasePath = grainsPath);
            silo.UseSqliteReminderService(options => options.DatabasePath = remindersPath);
            silo.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = Period);
        });
        return builder;
    }

    private static async Task<int> WaitForTicksAsync(ICounterGrain counter, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var ticks = await counter.Ticks();
            if (ticks >= atLeast)
                return ticks;
            Assert.True(DateTime.UtcNow < deadline, $"The reminder ticked {ticks} times in 60 s; expected at least {atLeast}.");
            await Task.Delay(200);
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                    yield return inner;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
