using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>
/// One SQLite database file, opened the one way this project opens SQLite: pooled connections (the
/// Microsoft.Data.Sqlite pool reuses native handles, so a connection per read costs no file open), WAL journal
/// (readers never block the writer; other processes see it too), a busy timeout for another process's write
/// lock, and <c>synchronous = NORMAL</c> (crash-safe in WAL mode without an fsync per commit).
/// Writes are group-committed: the writes queued while one transaction runs go together into the next, each
/// in a savepoint of its own, so many concurrent writers cost one commit and one thread hand-off per batch
/// instead of one each (bench/Providers measures it). Holds no static state: two instances on one file behave
/// like two processes.
/// </summary>
internal sealed class SqliteFile : IDisposable
{
    // Bounds the time a batch holds the write lock (other processes wait for it).
    private const int MaxBatch = 256;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly ConditionalWeakTable<sqlite3, sqlite3> _configured = new();
    private readonly ConcurrentQueue<PendingWrite> _pending = new();
    private int _committing;

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
    /// Runs <paramref name="write"/> inside an IMMEDIATE transaction (the write lock is taken before anything is
    /// read, so a condition it checks cannot go stale) and completes once that transaction is committed. What
    /// <paramref name="write"/> changed is undone if it throws; the exception is the task's.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken = default)
    {
        var pending = new PendingWrite<T>(write, cancellationToken);
        _pending.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static file => file.CommitPending(), this, preferLocal: false);
        return pending.Task;
    }

    private void CommitPending()
    {
        var batch = new List<PendingWrite>();
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.TryDequeue(out var write))
                batch.Add(write);
            if (batch.Count > 0)
            {
                Commit(batch);
                continue;
            }
            Volatile.Write(ref _committing, 0);
            // A writer that queued after the last dequeue but saw us still committing left its write to us.
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
                return;
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var write in batch)
                write.Run(connection, transaction);
            transaction.Commit();
        }
        catch (Exception e)
        {
            // Nothing of the batch is stored (the lock was not had, or the commit failed): every write fails.
            foreach (var write in batch)
                write.Fail(e);
            return;
        }
        foreach (var write in batch)
            write.Complete();
    }

    /// <summary>Closes this file's pooled connections (other instances on the same file reopen theirs).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private abstract class PendingWrite
    {
        public abstract void Run(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception batchFailure);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) : PendingWrite
    {
        private const string Savepoint = "pending_write";
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _error = new OperationCanceledException(cancellationToken);
                return;
            }
            transaction.Save(Savepoint);
            try
            {
                _result = write(connection, transaction);
            }
            catch (Exception e)
            {
                _error = e;
                transaction.Rollback(Savepoint);
            }
            transaction.Release(Savepoint);
        }

        public override void Complete()
        {
            if (_error is OperationCanceledException canceled && cancellationToken.IsCancellationRequested)
                _completion.TrySetCanceled(canceled.CancellationToken);
            else if (_error is not null)
                _completion.TrySetException(_error);
            else
                _completion.TrySetResult(_result!);
        }

        public override void Fail(Exception batchFailure) => _completion.TrySetException(_error ?? batchFailure);
    }
}
