using Orleans;
using Orleans.Runtime;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>
/// Run by the silo at start-up (as Orleans runs every <see cref="IConfigurationValidator"/>), so a bad setting
/// stops the silo at once with a message naming the setting, not later inside a grain call.
/// </summary>
internal sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var optionsName = $"SQLite grain storage '{name}': {nameof(SqliteGrainStorageOptions)}";
        SqliteDatabasePath.ThrowIfUnusable(options.DatabasePath, options.BusyTimeout, optionsName);
        if (options.GrainStorageSerializer is null)
            throw new OrleansConfigurationException($"{optionsName}.{nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} is not set and the silo has no default; call siloBuilder.UseSystemTextJsonGrainStorageSerializer() or set it.");
    }
}
