using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in a SQLite file: one row per (state name, grain id) holding the serialized state and
/// an etag. Optimistic concurrency is Orleans' contract: a write with no etag creates and fails when a row
/// exists; a write or clear with an etag succeeds only if the row still has it; a refusal is an
/// <see cref="InconsistentStateException"/> carrying the stored and the presented etag.
/// </summary>
internal sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    // Orleans passes the state name as "grainType"; rows are keyed by it and the grain id's string form.
    // payload NULL marks a tombstone: the state was cleared and the row kept (DeleteStateOnClear = false).
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            grain_type TEXT    NOT NULL,
            grain_id   TEXT    NOT NULL,
            payload    BLOB,
            etag       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        ) WITHOUT ROWID;
        """;

    private const string SelectSql = "SELECT payload, etag FROM orleans_grain_state WHERE grain_type = $type AND grain_id = $id";
    private const string SelectETagSql = "SELECT etag FROM orleans_grain_state WHERE grain_type = $type AND grain_id = $id";
    private const string InsertSql = """
        INSERT INTO orleans_grain_state (grain_type, grain_id, payload, etag, updated_at) VALUES ($type, $id, $payload, $etag, $now)
        ON CONFLICT (grain_type, grain_id) DO NOTHING
        """;
    private const string UpdateSql = """
        UPDATE orleans_grain_state SET payload = $payload, etag = $etag, updated_at = $now
        WHERE grain_type = $type AND grain_id = $id AND etag = $expected
        """;
    private const string DeleteSql = "DELETE FROM orleans_grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $expected";

    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly SqliteFile _file;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _activators = activators;
        _logger = logger;
        _file = new SqliteFile(options.DatabasePath, options.BusyTimeout);
    }

    /// <summary>Creates the table (idempotent). The silo calls it at <see cref="SqliteGrainStorageOptions.InitStage"/>.</summary>
    public void Initialize()
    {
        _file.EnsureSchema(Schema);
        LogReady(_name, _file.Path);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _options.InitStage, _ =>
        {
            Initialize();
            return Task.CompletedTask;
        });

    public Task ReadStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            var (payload, etag) = _file.Read(connection =>
            {
                using var select = connection.Command(SelectSql, null, ("$type", grainType), ("$id", grainId.ToString()));
                using var reader = select.ExecuteReader();
                return reader.Read()
                    ? (reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetString(1))
                    : ((byte[]?)null, (string?)null);
            });
            var state = payload is null ? default : _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload));
            grainState.State = state ?? CreateInstance<T>();
            grainState.RecordExists = state is not null;
            grainState.ETag = etag;
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            LogFailed(e, "Read", grainType, grainId);
            return Task.FromException(e);
        }
    }

    public async Task WriteStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await ChangeAsync(grainType, grainId, grainState.ETag, payload, delete: false).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await ChangeAsync(grainType, grainId, grainState.ETag, payload: null, _options.DeleteStateOnClear).ConfigureAwait(false);
        grainState.RecordExists = false;
        grainState.State = CreateInstance<T>();
    }

    /// <summary>
    /// Creates (no <paramref name="expected"/> etag), replaces or deletes the row; returns the new etag (null once
    /// deleted) or throws <see cref="InconsistentStateException"/> when the row is not as the caller last saw it.
    /// </summary>
    private async Task<string?> ChangeAsync(string grainType, GrainId grainId, string? expected, byte[]? payload, bool delete)
    {
        var id = grainId.ToString();
        try
        {
            return await _file.WriteAsync((connection, transaction) =>
            {
                var etag = delete ? null : NewETag();
                var changed = (delete, expected) switch
                {
                    // Deleting what was never written (or is already gone) is done, unless a row appeared meanwhile.
                    (true, null) => 0,
                    (true, _) => Execute(connection, transaction, DeleteSql, grainType, id, payload, etag, expected),
                    (false, null) => Execute(connection, transaction, InsertSql, grainType, id, payload, etag, expected),
                    (false, _) => Execute(connection, transaction, UpdateSql, grainType, id, payload, etag, expected),
                };
                if (changed == 1)
                    return etag;
                var stored = StoredETag(connection, transaction, grainType, id);
                if (delete && stored is null)
                    return null;
                LogConflict(grainType, grainId, stored, expected);
                throw new InconsistentStateException(
                    $"The state '{grainType}' of grain {grainId} changed since it was read (stored etag '{stored ?? "none"}', expected '{expected ?? "none"}'); re-read it and apply the change again.",
                    stored, expected);
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not InconsistentStateException)
        {
            LogFailed(e, delete ? "Delete" : payload is null ? "Clear" : "Write", grainType, grainId);
            throw;
        }
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string grainType, string id, byte[]? payload, string? etag, string? expected)
    {
        using var command = connection.Command(sql, transaction,
            ("$type", grainType), ("$id", id), ("$payload", payload), ("$etag", etag), ("$expected", expected),
            ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return command.ExecuteNonQuery();
    }

    private static string? StoredETag(SqliteConnection connection, SqliteTransaction transaction, string grainType, string id)
    {
        using var select = connection.Command(SelectETagSql, transaction, ("$type", grainType), ("$id", id));
        return select.ExecuteScalar() as string;
    }

    // Random, not a counter: after a delete the row starts again, and a counter would hand an old etag back.
    private static string NewETag() => Guid.NewGuid().ToString("N");

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();

    public void Dispose() => _file.Dispose();

    [LoggerMessage(EventId = (int)StorageLogEvent.SqliteGrainStorageReady, Level = LogLevel.Information, Message = "SQLite grain storage {ProviderName} ready in {DatabasePath}")]
    private partial void LogReady(string providerName, string databasePath);

    [LoggerMessage(EventId = (int)StorageLogEvent.SqliteGrainStateConflict, Level = LogLevel.Debug, Message = "State {GrainType} of {GrainId} not changed: stored etag {StoredETag}, expected {ExpectedETag}")]
    private partial void LogConflict(string grainType, GrainId grainId, string? storedETag, string? expectedETag);

    [LoggerMessage(EventId = (int)StorageLogEvent.SqliteGrainStorageFailed, Level = LogLevel.Error, Message = "{Operation} of state {GrainType} of {GrainId} failed")]
    private partial void LogFailed(Exception exception, string operation, string grainType, GrainId grainId);
}
