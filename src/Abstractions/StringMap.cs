namespace OrleansBatch.Abstractions;

/// <summary>String maps (tags, environment variables) kept in key order, so that equal maps serialize equally.</summary>
public static class StringMap
{
    public static IReadOnlyDictionary<string, string> Normalize(IReadOnlyDictionary<string, string>? tags) =>
        tags is null ? new Dictionary<string, string>() : tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    /// <summary>Checks sizes so that one resource cannot carry unbounded metadata.</summary>
    public static void Validate(IReadOnlyDictionary<string, string>? tags, string field, ValidationErrors errors)
    {
        if (tags is null)
            return;
        if (tags.Count > 100)
            errors.Add(field, "at most 100 entries are allowed.");
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 256)
                errors.Add(field, $"key '{key}' must be 1-256 characters.");
            if (value is null)
                errors.Add(field, $"'{key}' must have a string value.");
            else if (value.Length > 4096)
                errors.Add(field, $"the value of '{key}' is longer than 4096 characters.");
        }
    }
}
