namespace OrleansBatch.Storage.Local;

/// <summary>The query store's tables in <c>obatch.db</c>. Created idempotently.</summary>
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

        -- Query fields of grain_state records (e.g. a job's endpoint, deployment, status), written in the record's
        -- own transaction. The primary key is the index a filtered listing reads: one range per field value, in key order.
        CREATE TABLE IF NOT EXISTS grain_field (
            type   TEXT NOT NULL,
            tenant TEXT NOT NULL,
            name   TEXT NOT NULL,
            value  TEXT NOT NULL,
            key    TEXT NOT NULL,
            PRIMARY KEY (type, tenant, name, value, key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS grain_field_by_record ON grain_field (type, tenant, key);

        -- Tables of the runtime that came before Orleans (leases, work queue, silo membership): unused since.
        DROP TABLE IF EXISTS lease;
        DROP TABLE IF EXISTS queue_message;
        DROP TABLE IF EXISTS silo;
        """;
}
