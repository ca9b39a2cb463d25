using System.Text.RegularExpressions;

namespace OrleansBatch.Grains.Providers;

/// <summary>
/// A value a record of the query store can be listed by without reading it (e.g. a job's <c>status</c>): written
/// with the record, replaced by each write of it, gone with it, so a listing never sees a value the record no longer has.
/// <see cref="GrainQuery.Where"/> matches fields exactly (ordinal).
/// </summary>
/// <param name="Name">1-16 of <c>a-z0-9</c>, starting with a letter (a column value in SQLite, a property name on Azure Tables).</param>
/// <param name="Value">At most <see cref="MaxValueLength"/> characters.</param>
public sealed partial record QueryField(string Name, string Value)
{
    /// <summary>The most fields a record (or a query) may carry.</summary>
    public const int MaxCount = 4;

    /// <summary>The longest value.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Every store refuses the same fields: bad names, long values, repeated names, too many.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<QueryField>? fields, string paramName)
    {
        if (fields is null)
            return;
        if (fields.Count > MaxCount)
            throw new ArgumentException($"At most {MaxCount} query fields; got {fields.Count}.", paramName);
        foreach (var field in fields)
        {
            ArgumentNullException.ThrowIfNull(field, paramName);
            if (field.Name is null || !NamePattern().IsMatch(field.Name))
                throw new ArgumentException($"Query field name '{field.Name}' is not 1-16 of a-z0-9 starting with a letter.", paramName);
            if (field.Value is null || field.Value.Length > MaxValueLength)
                throw new ArgumentException($"Query field '{field.Name}' needs a value of at most {MaxValueLength} characters.", paramName);
        }
        if (fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != fields.Count)
            throw new ArgumentException("Each query field name may appear once.", paramName);
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,15}$")]
    private static partial Regex NamePattern();
}
