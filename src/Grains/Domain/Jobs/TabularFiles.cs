using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Which input files are tabular (cut into byte ranges: a range owns the lines, or for Parquet the row groups,
/// that start inside it; the scorer reads them row by row) and which of those start with a header row. The same
/// extensions the scorer treats as tabular.
/// </summary>
public static class TabularFiles
{
    private static readonly string[] LineFormats = [".jsonl", ".json", ".ndjson", ".parquet"];

    public static bool IsTabular(string fileName) =>
        HasHeader(fileName) || LineFormats.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static bool HasHeader(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
