namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Which input files are tabular (cut into line ranges) and which of those start with a header row.</summary>
public static class TabularFiles
{
    public static bool IsTabular(string fileName) =>
        HasHeader(fileName) || fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    public static bool HasHeader(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
}
