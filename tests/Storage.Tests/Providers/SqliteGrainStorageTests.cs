using Orleans.Hosting;
using OrleansBatch.Storage.Sqlite;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>Our SQLite provider in its default mode: a clear keeps a tombstone row with a new etag.</summary>
public sealed class SqliteGrainStorageTests(SqliteGrainStorageTests.Backend backend)
    : GrainStorageConformance(backend), IClassFixture<SqliteGrainStorageTests.Backend>
{
    public sealed class Backend : SqliteGrainStorageBackend
    {
        public override bool DeletesOnClear => false;
    }
}

/// <summary>Our SQLite provider with <see cref="SqliteGrainStorageOptions.DeleteStateOnClear"/>: a clear deletes the row.</summary>
public sealed class SqliteGrainStorageDeletingOnClearTests(SqliteGrainStorageDeletingOnClearTests.Backend backend)
    : GrainStorageConformance(backend), IClassFixture<SqliteGrainStorageDeletingOnClearTests.Backend>
{
    public sealed class Backend : SqliteGrainStorageBackend
    {
        public override bool DeletesOnClear => true;
    }
}

/// <summary>A silo with <c>AddSqliteGrainStorage</c> on a database file in a temp folder of its own, deleted afterwards.</summary>
public abstract class SqliteGrainStorageBackend : GrainStorageFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));

    public override bool ReportsStoredETag => true;

    protected override void AddStorage(ISiloBuilder silo) =>
        silo.AddSqliteGrainStorage(ProviderName, options =>
        {
            options.DatabasePath = Path.Combine(_folder, "grains.db");
            options.DeleteStateOnClear = DeletesOnClear;
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
