using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using OrleansBatch.Storage.Sqlite;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>Our SQLite reminder table, on a database file of each test's own.</summary>
public sealed class SqliteReminderTableTests : ReminderTableConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));

    protected override IReminderTable CreateTable(string serviceId) => new SqliteReminderTable(
        Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "conformance" }),
        Options.Create(new SqliteReminderTableOptions { DatabasePath = Path.Combine(_folder, "grains.db") }),
        NullLogger<SqliteReminderTable>.Instance);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
