namespace OrleansBatch.Bench.Scoring;

/// <summary>Benchmark settings from the command line.</summary>
internal sealed record BenchOptions(int Rows, int BatchRows, int Files, int Repetitions)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(Value("--rows", 200_000), Value("--batch", 1024), Value("--files", 6000), Value("--repeat", 3));
    }
}
