using Orleans;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>Stops the silo at start-up when the reminder table's settings cannot work, naming the setting to fix.</summary>
internal sealed class SqliteReminderTableOptionsValidator(SqliteReminderTableOptions options) : IConfigurationValidator
{
    public void ValidateConfiguration() =>
        SqliteDatabasePath.ThrowIfUnusable(options.DatabasePath, options.BusyTimeout, $"SQLite reminder table: {nameof(SqliteReminderTableOptions)}");
}
