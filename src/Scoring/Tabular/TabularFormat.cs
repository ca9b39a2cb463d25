namespace OrleansBatch.Scoring.Tabular;

/// <summary>The tabular formats: CSV with a header row, or JSON lines (one object per line).</summary>
internal enum TabularFormat
{
    Csv,
    JsonLines,
}
