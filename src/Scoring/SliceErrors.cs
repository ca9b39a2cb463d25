namespace OrleansBatch.Scoring;

/// <summary>
/// The item errors of one slice. Every failed item is counted; the first <see cref="MaxListed"/> are listed
/// (a slice of garbage must not turn into a million error records), then one entry says how many more failed.
/// </summary>
internal sealed class SliceErrors(string fileName)
{
    public const int MaxListed = 1000;
    private const int MaxValueChars = 200;
    private readonly List<ItemError> _errors = [];

    public long Count { get; private set; }

    public void Add(long? row, string? column, ReadOnlySpan<byte> value, string code, string message) =>
        Add(row, column, value.IsEmpty ? null : Text(value), code, message);

    public void Add(long? row, string? column, string? value, string code, string message) =>
        AddFor(fileName, row, column, value, code, message);

    /// <summary>An error of another file than the slice's (file inputs scored together).</summary>
    public void AddFor(string file, long? row, string? column, string? value, string code, string message)
    {
        Count++;
        if (_errors.Count < MaxListed)
        {
            _errors.Add(new ItemError(file, row, column, value, code, message));
        }
    }

    public IReadOnlyList<ItemError> ToList()
    {
        if (Count <= _errors.Count)
        {
            return _errors;
        }

        return [.. _errors, new ItemError(fileName, null, null, null, ItemErrorCodes.MoreErrors, $"{Count - _errors.Count} more items failed; only the first {MaxListed} are listed.")];
    }

    private static string Text(ReadOnlySpan<byte> value)
    {
        var text = System.Text.Encoding.UTF8.GetString(value.Length > MaxValueChars * 4 ? value[..(MaxValueChars * 4)] : value);
        return text.Length > MaxValueChars ? text[..MaxValueChars] + "..." : text;
    }
}
