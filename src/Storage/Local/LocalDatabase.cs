using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBatch.Storage.Sqlite;

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

    // Opens connections and group-commits writes; the busy timeout covers other processes.
    private readonly SqliteFile _file;

    public LocalDatabase(LocalStorageOptions options, TimeProvider? time = null)
    {
        var check = new LocalStorageOptionsValidator().Validate(null, options);
        if (check.Failed)
            throw new OptionsValidationException(nameof(LocalStorageOptions), typeof(LocalStorageOptions), check.Failures);

        DataDirectory = Path.GetFullPath(options.DataDirectory);
        FilesDirectory = Path.Combine(DataDirectory, "files");
        Directory.CreateDirectory(FilesDirectory);
        Time = time ?? TimeProvider.System;
        _file = new SqliteFile(Path.Combine(DataDirectory, FileName), options.BusyTimeout);
        _file.EnsureSchema(LocalSchema.Create);
        PrivateFiles.Restrict(DataDirectory);
    }

    /// <summary>Full path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Full path of the folder that holds artifacts.</summary>
    public string FilesDirectory { get; }

    /// <summary>The clock for record times and for sweeping abandoned temporary files.</summary>
    public TimeProvider Time { get; }

    internal long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    internal static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    internal static long ToMs(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    internal SqliteConnection Open() => _file.Open();

    /// <summary>Runs <paramref name="read"/> on a fresh connection (a consistent snapshot per statement).</summary>
    internal Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        try
        {
            return Task.FromResult(_file.Read(read));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside BEGIN IMMEDIATE (the write lock is taken before anything is read,
    /// so a condition checked inside cannot go stale); done once committed, undone if it throws.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        _file.WriteAsync(write, cancellationToken);

    /// <summary>Runs one statement as its own write; returns the number of rows it changed.</summary>
    internal Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(sql, transaction, parameters);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Closes this database's pooled connections (other instances on the same file reopen theirs).</summary>
    public void Dispose() => _file.Dispose();
}
