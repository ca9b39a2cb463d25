namespace OrleansBatch.Storage;

/// <summary>Event ids of this project's log messages, one range per area, so operators can filter on them.</summary>
public enum StorageLogEvent
{
    /// <summary>SQLite grain storage created its table and is ready.</summary>
    SqliteGrainStorageReady = 100,

    /// <summary>A grain state write or clear was refused because the etag was stale (another activation wrote first).</summary>
    SqliteGrainStateConflict = 101,

    /// <summary>Reading, writing or clearing grain state in SQLite failed.</summary>
    SqliteGrainStorageFailed = 102,

    /// <summary>The SQLite reminder table created its table and is ready.</summary>
    SqliteReminderTableReady = 110,

    /// <summary>A reminder table operation failed.</summary>
    SqliteReminderTableFailed = 111,
}
