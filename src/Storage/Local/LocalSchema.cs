namespace OrleansBatch.Storage.Local;

/// <summary>The query store's table in <c>obatch.db</c>. Created idempotently.</summary>
internal static class LocalSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            type       TEXT    NOT NULL,
            tenant     TEXT    NOT NULL,
            key        TEXT    NOT NULL,
            json       TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            etag       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (type, tenant, key)
        ) WITHOUT ROWID;

        -- Tables of the runtime that came before Orleans (leases, work queue, silo membership): unused since.
        DROP TABLE IF EXISTS lease;
        DROP TABLE IF EXISTS queue_message;
        DROP TABLE IF EXISTS silo;
        """;
}
