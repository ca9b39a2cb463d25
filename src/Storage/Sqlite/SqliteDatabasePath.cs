using Orleans.Runtime;

namespace OrleansBatch.Storage.Sqlite;

/// <summary>The start-up checks of a SQLite provider's settings, shared by the providers' validators.</summary>
internal static class SqliteDatabasePath
{
    /// <summary>
    /// Throws <see cref="OrleansConfigurationException"/> naming the setting of <paramref name="optionsName"/> to
    /// change, and how, unless <paramref name="path"/> is a file this process can create and write and
    /// <paramref name="busyTimeout"/> is positive.
    /// </summary>
    public static void ThrowIfUnusable(string? path, TimeSpan busyTimeout, string optionsName)
    {
        var setting = $"{optionsName}.DatabasePath";
        if (string.IsNullOrWhiteSpace(path))
            throw new OrleansConfigurationException($"{setting} is not set. Set it to the database file, e.g. Path.Combine(dataDirectory, \"grains.db\").");

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OrleansConfigurationException($"{setting} '{path}' is not a valid path ({e.Message}). Set it to a file path.");
        }
        if (Directory.Exists(full))
            throw new OrleansConfigurationException($"{setting} '{full}' is a folder. Set it to a file inside it, e.g. '{Path.Combine(full, "grains.db")}'.");
        var folder = Path.GetDirectoryName(full)!;
        if (WritableFolder.Problem(folder) is { } reason)
            throw new OrleansConfigurationException($"{setting} '{full}': the folder '{folder}' is not writable ({reason}). Point it to a folder this process can create and write, or fix the folder's permissions.");
        if (busyTimeout <= TimeSpan.Zero)
            throw new OrleansConfigurationException($"{optionsName}.BusyTimeout is {busyTimeout}; set it to a positive time, e.g. TimeSpan.FromSeconds(10).");
    }
}
