namespace OrleansBatch.Storage.Local;

/// <summary>
/// Checks the relative, '/'-separated paths callers give the artifact store, so no path can reach
/// outside the store's folder.
/// </summary>
internal static class ArtifactPath
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="path"/> names a file inside the store.</summary>
    public static void Validate(string path, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (path.Length == 0)
            throw Invalid(path, parameterName, "it is empty; give a relative path such as 'tenants/acme/models/iris/1/model.onnx'");
        ValidateSegments(path, parameterName);
    }

    /// <summary>Like <see cref="Validate"/>, but allows an empty prefix (everything) and one trailing '/'.</summary>
    public static string NormalizeFolder(string prefix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        var folder = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        if (folder.Length > 0)
            ValidateSegments(folder, parameterName);
        else if (prefix.Length > 0)
            throw Invalid(prefix, parameterName, "it is absolute; use '' for the whole store");
        return folder;
    }

    private static void ValidateSegments(string path, string parameterName)
    {
        if (path.Contains('\\'))
            throw Invalid(path, parameterName, "it contains '\\'; separate folders with '/'");
        if (path.StartsWith('/') || Path.IsPathRooted(path) || (path.Length >= 2 && path[1] == ':'))
            throw Invalid(path, parameterName, "it is absolute; give a path relative to the store");
        if (path.Any(char.IsControl))
            throw Invalid(path, parameterName, "it contains control characters");
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
                throw Invalid(path, parameterName, "it has an empty segment ('//' or a trailing '/'); name every folder");
            if (segment is "." or "..")
                throw Invalid(path, parameterName, $"it has a '{segment}' segment; give a plain path without '.' or '..'");
        }
    }

    private static ArgumentException Invalid(string path, string parameterName, string reason) =>
        new($"Artifact path '{path}' is not allowed: {reason}.", parameterName);
}
