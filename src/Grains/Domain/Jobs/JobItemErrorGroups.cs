namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Collects item errors with identical ones grouped: same file, code, message and column become one
/// <see cref="JobItemError"/> with a count and its first and last rows. A column of bad values then costs one
/// record, not one per row, so the error report can be complete. Beyond <paramref name="maxGroups"/> distinct
/// errors the rest are only counted (<see cref="Omitted"/>), which the report says.
/// </summary>
public sealed class JobItemErrorGroups(int maxGroups)
{
    private readonly List<JobItemError> _groups = [];
    private readonly Dictionary<(string File, string Code, string Message, string? Column), int> _index = [];

    /// <summary>The groups, in the order their first error came.</summary>
    public IReadOnlyList<JobItemError> Errors => _groups;

    /// <summary>Errors not kept because there were more than <c>maxGroups</c> distinct ones.</summary>
    public long Omitted { get; private set; }

    /// <summary>Counts <paramref name="error"/> (possibly itself a group) into its group.</summary>
    public void Add(JobItemError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var key = (error.FileName, error.Code, error.Message, error.Column);
        // A failed slice (no row) stays a line of its own: its rows are a range already.
        if (error.Row is not null && _index.TryGetValue(key, out var at))
        {
            var group = _groups[at];
            var first = Min(group.Row, error.Row);
            var last = Max(group.LastRowCovered, error.LastRowCovered);
            _groups[at] = group with
            {
                Row = first,
                RowCount = null,
                LastRow = last,
                Count = group.Count + error.Count,
                Value = group.Value == error.Value ? group.Value : null,
                MiniBatch = Math.Min(group.MiniBatch, error.MiniBatch),
                Attempt = Math.Max(group.Attempt, error.Attempt),
            };
            return;
        }
        if (_groups.Count >= maxGroups)
        {
            Omitted += error.Count;
            return;
        }
        if (error.Row is not null)
            _index[key] = _groups.Count;
        _groups.Add(error);
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
