namespace OrleansBatch.Storage;

/// <summary>The start-up check that a folder can really be used, shared by the options validators.</summary>
internal static class WritableFolder
{
    /// <summary>Creates <paramref name="folder"/> if missing and writes a probe file in it; null when that worked, else why not.</summary>
    public static string? Problem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            // A real write, not a permission check: permissions can lie (read-only mounts, ACLs).
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
