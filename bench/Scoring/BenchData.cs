namespace OrleansBatch.Bench.Scoring;

/// <summary>The samples' data replicated to benchmark size in a temp directory (deleted on dispose).</summary>
internal sealed class BenchData : IDisposable
{
    private BenchData(string samples, string temp)
    {
        Samples = samples;
        Temp = temp;
    }

    public string Samples { get; }

    public string Temp { get; }

    public string[] BreastCancerModels => [Path.Combine(Samples, "breast-cancer", "preprocess.onnx"), Path.Combine(Samples, "breast-cancer", "model.onnx")];

    public string[] WineModels => [Path.Combine(Samples, "tree-ensemble", "model.onnx")];

    public string[] DigitsModels => [Path.Combine(Samples, "digits", "model.onnx")];

    public string BreastCancerCsv { get; private set; } = "";

    public string BreastCancerJsonl { get; private set; } = "";

    public string WineCsv { get; private set; } = "";

    /// <summary>The breast-cancer CSV's rows as Parquet (double columns, row groups of 16 Ki rows).</summary>
    public string BreastCancerParquet { get; private set; } = "";

    public string[] PngFiles { get; private set; } = [];

    public string[] NpyFiles { get; private set; } = [];

    public string[] JpegFiles { get; private set; } = [];

    public string MlNetModel => Path.Combine(Samples, "mlnet-cancer", "model.zip");

    public static BenchData Create(BenchOptions options)
    {
        var root = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(root);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
        {
            dir = dir.Parent;
        }

        var samples = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "samples");
        var data = new BenchData(samples, Directory.CreateTempSubdirectory("obatch-bench-").FullName);
        data.BreastCancerCsv = data.Replicate(Path.Combine(samples, "breast-cancer", "data", "breast_cancer.csv"), header: true, options.Rows);
        data.BreastCancerJsonl = data.Replicate(Path.Combine(samples, "breast-cancer", "data", "breast_cancer.jsonl"), header: false, options.Rows);
        data.BreastCancerParquet = data.ToParquetAsync(data.BreastCancerCsv, 16 * 1024).GetAwaiter().GetResult();
        data.WineCsv = data.Replicate(Path.Combine(samples, "tree-ensemble", "data", "wine.csv"), header: true, options.Rows);
        data.PngFiles = Cycle(Directory.GetFiles(Path.Combine(samples, "digits", "images"), "*.png"), options.Files);
        data.JpegFiles = Cycle(data.ToJpeg(Directory.GetFiles(Path.Combine(samples, "digits", "images"), "*.png")), options.Files);
        data.NpyFiles = Cycle(Directory.GetFiles(Path.Combine(samples, "digits", "npy"), "*.npy"), options.Files);
        return data;
    }

    public void Dispose() => Directory.Delete(Temp, recursive: true);

    /// <summary>The file's data rows repeated until there are <paramref name="rows"/>.</summary>
    private string Replicate(string source, bool header, int rows)
    {
        var lines = File.ReadAllLines(source).Where(l => l.Length > 0).ToArray();
        var body = header ? lines[1..] : lines;
        var target = Path.Combine(Temp, Path.GetFileName(source));
        using var writer = new StreamWriter(target);
        if (header)
        {
            writer.WriteLine(lines[0]);
        }

        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine(body[i % body.Length]);
        }

        return target;
    }

    /// <summary>The digit PNGs re-encoded as JPEG (quality 95) by SkiaSharp, for the JPEG case.</summary>
    private string[] ToJpeg(string[] pngs) => pngs.Select(png =>
    {
        var target = Path.Combine(Temp, Path.ChangeExtension(Path.GetFileName(png), ".jpg"));
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        using var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95);
        File.WriteAllBytes(target, jpeg.ToArray());
        return target;
    }).ToArray();

    private async Task<string> ToParquetAsync(string csv, int rowsPerGroup)
    {
        var lines = File.ReadLines(csv).ToList();
        var header = lines[0].Split(',');
        var fields = header.Select(h => new Parquet.Schema.DataField<double>(h)).ToArray();
        var target = Path.ChangeExtension(csv, ".parquet");
        await using var stream = File.Create(target);
        await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream);
        for (var start = 1; start < lines.Count; start += rowsPerGroup)
        {
            var rows = lines.Skip(start).Take(rowsPerGroup).Select(l => l.Split(',')).ToList();
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                var column = rows.Select(r => double.Parse(r[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                await group.WriteAsync<double>(fields[c], column.AsMemory());
            }
        }

        return target;
    }

    private static string[] Cycle(string[] files, int count) =>
        Enumerable.Range(0, count).Select(i => files[i % files.Length]).ToArray();
}
