using Orleans;
using Orleans.Storage;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>Settings of one SQLite grain storage provider (see <see cref="SqliteGrainStorageSiloBuilderExtensions"/>).</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// Path of the database file, created with its folder when missing; by convention <c>grains.db</c> in the
    /// data directory. Several providers (and the reminder table) may share one file; each keeps its own rows.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// When true, clearing a grain's state deletes its row (the etag becomes null); when false (the default, as
    /// in Orleans' Azure providers) the row stays as a tombstone with no state and a new etag, so an activation
    /// that still holds the etag from before the clear cannot write over it.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>How long a write waits for another process's write lock on the file before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Silo lifecycle stage at which the table is created; before the first grain activates by default.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// Turns state into bytes and back. Left unset, it is the serializer registered for this provider's name, else
    /// the silo's default (e.g. the one chosen by <c>UseSystemTextJsonGrainStorageSerializer()</c>).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
