namespace OrleansBatch.Scoring.Tabular;

/// <summary>What <see cref="SliceLineReader.Next"/> found.</summary>
internal enum LineKind
{
    /// <summary>A line (without its line break).</summary>
    Line,

    /// <summary>A line longer than the cap; it was skipped.</summary>
    TooLong,

    /// <summary>No more lines in the slice.</summary>
    End,
}
