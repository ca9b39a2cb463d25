namespace OrleansBatch.Storage.Local;

/// <summary>Settings of the Local provider: one folder holds the SQLite database and the files.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>Configuration section the gateway and the silo bind these settings from.</summary>
    public const string SectionName = "LocalStorage";

    /// <summary>
    /// The data directory. Holds <c>obatch.db</c> (the query store: list copies, mini-batch results, job
    /// logs), <c>grains.db</c> (Orleans grain state and reminders) and <c>files/</c> (artifacts, inputs, outputs). One process uses it at a time (the embedded silo holds its lock).
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>How long a write waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
