namespace OrleansBatch.Scoring.Tabular;

/// <summary>The tabular formats: CSV with a header row, JSON lines (one object per line), or Parquet (typed columns).</summary>
internal enum TabularFormat
{
    Csv,
    JsonLines,
    Parquet,
}
