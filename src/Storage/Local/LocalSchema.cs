namespace OrleansBatch.Storage.Local;

/// <summary>The tables of <c>obatch.db</c>. Created idempotently, so any process may start first.</summary>
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

        CREATE TABLE IF NOT EXISTS lease (
            resource   TEXT    NOT NULL PRIMARY KEY,
            owner      TEXT    NOT NULL,
            token      TEXT    NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS queue_message (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            queue         TEXT    NOT NULL,
            id            TEXT    NOT NULL UNIQUE,
            body          TEXT    NOT NULL,
            visible_at    INTEGER NOT NULL,
            receipt       TEXT,
            dequeue_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS queue_message_by_queue ON queue_message (queue, seq);

        CREATE TABLE IF NOT EXISTS silo (
            id                   TEXT    NOT NULL PRIMARY KEY,
            address              TEXT    NOT NULL,
            status               TEXT    NOT NULL,
            started_at           INTEGER NOT NULL,
            last_heartbeat       INTEGER NOT NULL,
            active_mini_batches  INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;
}
