using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Bench.Telemetry;

/// <summary>The two jobs measured: many rows in few mini-batches, and many one-row mini-batches (where per-mini-batch spans and measurements weigh most).</summary>
public sealed record Workloads(string Name, string Folder, JobSettings Settings)
{
    public static IReadOnlyList<Workloads> Write(string repositoryRoot, string inputs)
    {
        var sample = File.ReadAllLines(Path.Combine(repositoryRoot, "samples/breast-cancer/data/breast_cancer.csv"));
        var rows = Path.Combine(inputs, "rows");
        Directory.CreateDirectory(rows);
        using (var writer = new StreamWriter(Path.Combine(rows, "data.csv")))
        {
            writer.Write(sample[0] + "\n");
            for (var i = 0; i < 100_000; i++)
                writer.Write(sample[1 + i % (sample.Length - 1)] + "\n");
        }
        var small = Path.Combine(inputs, "small");
        Directory.CreateDirectory(small);
        for (var i = 0; i < 200; i++)
            File.WriteAllText(Path.Combine(small, $"f{i:D4}.csv"), sample[0] + "\n" + sample[1 + i % (sample.Length - 1)] + "\n");
        return
        [
            new("rows", rows, JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("1MB"), MaxConcurrencyPerInstance = 2 * Environment.ProcessorCount }),
            new("minibatches", small, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 1), MaxConcurrencyPerInstance = 2 * Environment.ProcessorCount }),
        ];
    }
}
