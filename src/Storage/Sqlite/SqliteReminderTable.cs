using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table in a SQLite file: one row per (service, grain, reminder name) with its start time,
/// period, the grain's uniform hash (for the ring-range queries that spread reminders over silos) and an etag
/// that changes on every upsert. Rows of another service id sharing the file are never read or touched.
/// </summary>
internal sealed partial class SqliteReminderTable : IReminderTable, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id    TEXT    NOT NULL,
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period        INTEGER NOT NULL,
            etag          TEXT    NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);
        """;

    private const string Columns = "grain_id, reminder_name, start_at, period, etag";
    private const string ByGrainSql = $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain";
    private const string ByNameSql = $"{ByGrainSql} AND reminder_name = $name";

    // The ring range (begin, end]; when begin >= end it wraps past uint.MaxValue (begin == end is the whole ring).
    private const string InRangeSql = $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end";
    private const string WrappedRangeSql = $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)";

    private const string UpsertSql = """
        INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period, etag)
        VALUES ($service, $grain, $name, $hash, $start, $period, $etag)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
        """;
    private const string RemoveSql = "DELETE FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND etag = $etag";
    private const string ClearSql = "DELETE FROM orleans_reminders WHERE service_id = $service";

    private readonly string _serviceId;
    private readonly SqliteFile _file;
    private readonly ILogger _logger;

    public SqliteReminderTable(IOptions<ClusterOptions> cluster, IOptions<SqliteReminderTableOptions> options, ILogger<SqliteReminderTable> logger)
    {
        _serviceId = cluster.Value.ServiceId;
        _file = new SqliteFile(options.Value.DatabasePath, options.Value.BusyTimeout);
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Run("Start", () =>
    {
        _file.EnsureSchema(Schema);
        LogReady(_file.Path, _serviceId);
        return true;
    });

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Run("ReadRows", () => Query(ByGrainSql, ("$grain", grainId.ToString())));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Run("ReadRange", () => Query(begin < end ? InRangeSql : WrappedRangeSql, ("$begin", (long)begin), ("$end", (long)end)));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Run("ReadRow", () => Query(ByNameSql, ("$grain", grainId.ToString()), ("$name", reminderName)).Reminders.SingleOrDefault());

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        var startAt = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt;
        await WriteAsync("UpsertRow", UpsertSql,
            ("$grain", entry.GrainId.ToString()), ("$name", entry.ReminderName), ("$hash", (long)entry.GrainId.GetUniformHashCode()),
            ("$start", startAt.Ticks), ("$period", entry.Period.Ticks), ("$etag", etag)).ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        await WriteAsync("RemoveRow", RemoveSql, ("$grain", grainId.ToString()), ("$name", reminderName), ("$etag", eTag)).ConfigureAwait(false) == 1;

    public Task TestOnlyClearTable() => WriteAsync("Clear", ClearSql);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose() => _file.Dispose();

    private ReminderTableData Query(string sql, params (string Name, object? Value)[] parameters) =>
        _file.Read(connection =>
        {
            using var select = connection.Command(sql, null, [("$service", _serviceId), .. parameters]);
            using var reader = select.ExecuteReader();
            var rows = new List<ReminderEntry>();
            while (reader.Read())
            {
                rows.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetString(4),
                });
            }
            return new ReminderTableData(rows);
        });

    private async Task<int> WriteAsync(string operation, string sql, params (string Name, object? Value)[] parameters)
    {
        try
        {
            return await _file.WriteAsync((connection, transaction) =>
            {
                using var command = connection.Command(sql, transaction, [("$service", _serviceId), .. parameters]);
                return command.ExecuteNonQuery();
            }).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogFailed(e, operation);
            throw;
        }
    }

    private Task<T> Run<T>(string operation, Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception e)
        {
            LogFailed(e, operation);
            return Task.FromException<T>(e);
        }
    }

    [LoggerMessage(EventId = (int)StorageLogEvent.SqliteReminderTableReady, Level = LogLevel.Information, Message = "SQLite reminder table ready in {DatabasePath} for service {ServiceId}")]
    private partial void LogReady(string databasePath, string serviceId);

    [LoggerMessage(EventId = (int)StorageLogEvent.SqliteReminderTableFailed, Level = LogLevel.Error, Message = "Reminder table {Operation} failed")]
    private partial void LogFailed(Exception exception, string operation);
}
