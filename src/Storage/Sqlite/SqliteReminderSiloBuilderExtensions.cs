using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>Registers the <see cref="SqliteReminderTableOptions">SQLite reminder table</see> as the silo's reminder service.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>Adds reminders to the silo, kept in a SQLite file.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure) =>
        builder.UseSqliteReminderService(options => options.Configure(configure));

    /// <summary>
    /// Adds reminders to the silo (<c>AddReminders()</c>) with their table in a SQLite file. The silo checks
    /// the options at start-up.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<OptionsBuilder<SqliteReminderTableOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        builder.AddReminders();
        var services = builder.Services;
        configureOptions(services.AddOptions<SqliteReminderTableOptions>());
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddTransient<IConfigurationValidator>(sp =>
            new SqliteReminderTableOptionsValidator(sp.GetRequiredService<IOptions<SqliteReminderTableOptions>>().Value));
        return builder;
    }
}
