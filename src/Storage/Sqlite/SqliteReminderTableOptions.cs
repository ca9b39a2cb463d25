namespace OrleansBatch.Storage.Sqlite;

/// <summary>Settings of the SQLite reminder table (see <see cref="SqliteReminderSiloBuilderExtensions"/>).</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>
    /// Path of the database file, created with its folder when missing. It may be the grain storage's file
    /// (<c>grains.db</c> in the data directory): the reminders have a table of their own.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>How long a write waits for another process's write lock on the file before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
