using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>
/// One SQLite database file, opened the one way this project opens SQLite: pooled connections (the
/// Microsoft.Data.Sqlite pool reuses native handles, so a connection per operation costs no file open),
/// WAL journal (readers never block the writer; other processes see it too), a busy timeout for another
/// process's write lock, and <c>synchronous = NORMAL</c> (crash-safe in WAL mode without an fsync per commit).
/// Writers of this process queue on a gate without blocking threads, so they never spin in SQLite's busy handler.
/// Holds no static state: two instances on one file behave like two processes.
/// </summary>
internal sealed class SqliteFile : IDisposable
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<sqlite3, sqlite3> _configured = new();

    // Checks nothing: Orleans builds providers before it runs the options validators, which say what is wrong.
    public SqliteFile(string path, TimeSpan busyTimeout)
    {
        _path = path;
        _busyTimeoutMs = (int)Math.Min(int.MaxValue, busyTimeout.TotalMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path => System.IO.Path.GetFullPath(_path);

    /// <summary>An open connection with this file's pragmas set (once per pooled native handle).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var handle = connection.Handle!;
        if (!_configured.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
        return connection;
    }

    /// <summary>Creates the folder and the file if missing, switches the file to WAL and runs <paramref name="schema"/> in one transaction.</summary>
    public void EnsureSchema(string schema)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            // Persistent in the file, so every later connection (of any process) is in WAL mode too.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = schema;
        create.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection (each statement sees a consistent snapshot).</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a pooled connection once this process's earlier writers are done. Each
    /// statement commits on its own; a write that reads before it writes opens its own IMMEDIATE transaction.
    /// </summary>
    public async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            return write(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes this file's pooled connections (other instances on the same file reopen theirs).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
