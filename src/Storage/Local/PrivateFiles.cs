namespace OrleansBatch.Storage.Local;

/// <summary>
/// Keeps the data directory to its owner: the directory 0700 and the files in it 0600 (the database, the admin key,
/// every stored artifact), so other accounts on the machine read nothing of any tenant. No-op on Windows (ACLs).
/// </summary>
public static class PrivateFiles
{
    /// <summary>Mode for files this process creates in the data directory.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Makes <paramref name="dataDirectory"/> 0700 and its top-level files 0600 (those written before this rule, or by SQLite).</summary>
    public static void Restrict(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
            return;
        File.SetUnixFileMode(dataDirectory, DirectoryMode);
        foreach (var file in Directory.EnumerateFiles(dataDirectory))
        {
            try
            {
                File.SetUnixFileMode(file, FileMode);
            }
            catch (IOException)
            {
                // Gone meanwhile (a SQLite journal): nothing to restrict.
            }
        }
    }
}
