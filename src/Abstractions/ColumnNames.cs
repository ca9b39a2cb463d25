namespace OrleansBatch.Abstractions;

/// <summary>
/// Lists of input column names (<c>settings.input_columns</c>, <c>settings.passthrough_columns</c>): names as
/// the input's header spells them (matched exactly), each once, bounded in count and length.
/// </summary>
public static class ColumnNames
{
    public const int MaxColumns = 10_000;
    public const int MaxNameLength = 256;

    /// <summary>The problems of <paramref name="names"/> (none for null), each a message for the setting's field.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string>? names)
    {
        if (names is null)
            yield break;
        if (names.Count > MaxColumns)
            yield return $"at most {MaxColumns} columns are allowed.";
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
                yield return "column names must not be empty.";
            else if (name.Length > MaxNameLength || name.Any(char.IsControl))
                yield return $"'{name[..Math.Min(name.Length, 40)]}' is not a column name (1-{MaxNameLength} characters, no control characters).";
        }
        foreach (var duplicate in names.Where(n => !string.IsNullOrWhiteSpace(n)).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"'{duplicate.Key}' is listed more than once.";
    }

    /// <summary>Null when <paramref name="names"/> is null or empty (the setting is unset).</summary>
    public static IReadOnlyList<string>? Normalize(IReadOnlyList<string>? names) => names is { Count: > 0 } ? [.. names] : null;
}
