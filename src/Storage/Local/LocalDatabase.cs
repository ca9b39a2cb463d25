using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// The data directory of the Local provider: <c>obatch.db</c> and <c>files/</c>. Several processes
/// (silos) may share it: the database runs in WAL mode, waits for another writer's lock up to the busy
/// timeout, and every conditional write is one IMMEDIATE transaction. Holds no static state, so two
/// instances on one directory behave like two silos.
/// </summary>
public sealed class LocalDatabase : IDisposable
{
    /// <summary>File name of the database inside the data directory.</summary>
    public const string FileName = "obatch.db";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    // Writers of this process queue here without blocking threads; the busy timeout covers other processes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private readonly ConditionalWeakTable<sqlite3, sqlite3> _configured = new();

    public LocalDatabase(LocalStorageOptions options, TimeProvider? time = null)
    {
        var check = new LocalStorageOptionsValidator().Validate(null, options);
        if (check.Failed)
            throw new OptionsValidationException(nameof(LocalStorageOptions), typeof(LocalStorageOptions), check.Failures);

        DataDirectory = Path.GetFullPath(options.DataDirectory);
        FilesDirectory = Path.Combine(DataDirectory, "files");
        Directory.CreateDirectory(FilesDirectory);
        Time = time ?? TimeProvider.System;
        _busyTimeoutMs = (int)Math.Min(int.MaxValue, options.BusyTimeout.TotalMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        CreateSchema();
        PrivateFiles.Restrict(DataDirectory);
    }

    /// <summary>Full path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Full path of the folder that holds artifacts.</summary>
    public string FilesDirectory { get; }

    /// <summary>The clock for expiry times (leases, visibility, heartbeats).</summary>
    public TimeProvider Time { get; }

    internal long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    internal static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    internal static long ToMs(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Pooled connections keep their native handle: set the per-connection pragmas once per handle.
        var handle = connection.Handle!;
        if (!_configured.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            // busy_timeout is per connection; synchronous=NORMAL is crash-safe in WAL mode and avoids an fsync per commit.
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
        return connection;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh connection (a consistent snapshot per statement).</summary>
    internal Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        try
        {
            using var connection = Open();
            return Task.FromResult(read(connection));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside BEGIN IMMEDIATE (the write lock is taken before anything is read,
    /// so a condition checked inside cannot go stale) and commits unless it throws.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs one statement as its own write; returns the number of rows it changed.</summary>
    internal Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(sql, transaction, parameters);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private void CreateSchema()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            // Persistent in the file: readers no longer block the writer, and other processes see it too.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = LocalSchema.Create;
        create.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Closes this database's pooled connections (other instances on the same file reopen theirs).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
