namespace OrleansBatch.Scoring.Tabular;

/// <summary>Text of copied input values in the CSV output.</summary>
internal static class TabularText
{
    /// <summary>Joins values as CSV fields, quoting (RFC 4180) those with a comma, quote or line break; null is an empty field.</summary>
    public static string JoinCsv(IEnumerable<string?> values) => string.Join(',', values.Select(v => v is null ? string.Empty
        : v.AsSpan().IndexOfAny(",\"\r\n") < 0 ? v : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
