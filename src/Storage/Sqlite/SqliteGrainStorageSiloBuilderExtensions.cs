using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteGrainStorageOptions">SQLite grain storage</see> in a silo.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds SQLite grain storage as the silo's default storage provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, options => options.Configure(configure));

    /// <summary>Adds SQLite grain storage as the silo's default storage provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<OptionsBuilder<SqliteGrainStorageOptions>> configureOptions) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds SQLite grain storage named <paramref name="name"/> (the name grains give in <c>[PersistentState(..., name)]</c>).</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(name, options => options.Configure(configure));

    /// <summary>
    /// Adds SQLite grain storage named <paramref name="name"/>. Options are named options (bind them with
    /// <c>options.BindConfiguration(...)</c> or <c>options.Configure(...)</c>); the silo checks them at start-up.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>> configureOptions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);
        var services = builder.Services;
        configureOptions(services.AddOptions<SqliteGrainStorageOptions>(name));
        // Leaves GrainStorageSerializer to the one registered for this name, else the silo's default.
        services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new SqliteGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
        services.AddGrainStorage(name, static (sp, name) =>
            ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp, name, sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name)));
        return builder;
    }
}
