using OrleansBatch.Bench.Scoring;

// Rows per second of each scorer on the samples, beside a bare ONNX Runtime Run, the loop a .NET user writes by hand,
// ML.NET's own Transform and scikit-learn, in one run.
// Usage: dotnet run -c Release --project bench/Scoring -- [--rows 200000] [--batch 1024] [--files 6000] [--repeat 3] [--tabular | --mlnet | --images | --breakdown]
var options = BenchOptions.Parse(args);
using var data = BenchData.Create(options);
var runtime = new OrleansBatch.Scoring.OnnxRuntime();
Console.WriteLine($"ONNX Runtime {runtime.Version} (Microsoft.ML.OnnxRuntime); {Environment.ProcessorCount} cores; {options.Rows:N0} rows per tabular case, batch {options.BatchRows}; {options.Files:N0} files per file case; rows/s, best of {options.Repetitions}");
Console.WriteLine();

if (args.Contains("--tabular"))
{
    HandWrittenCase.Run(runtime, options, data.BreastCancerModels, data.BreastCancerCsv, data.BreastCancerParquet);
    return 0;
}

if (args.Contains("--mlnet"))
{
    Measurement.PrintHeader();
    MlNetCase.Run(runtime, options, data.MlNetModel, data.BreastCancerCsv, data.BreastCancerParquet);
    return 0;
}

if (args.Contains("--images"))
{
    Measurement.PrintHeader();
    FileCase.Run(runtime, options, "digits, PNG files", data.DigitsModels, data.PngFiles);
    FileCase.Run(runtime, options, "digits, JPEG files", data.DigitsModels, data.JpegFiles);
    return 0;
}

if (args.Contains("--breakdown"))
{
    BreakdownCase.Run(runtime, options, data.BreastCancerModels, data.BreastCancerCsv, data.BreastCancerParquet);
    BreakdownCase.Run(runtime, options, data.WineModels, data.WineCsv);
    return 0;
}

Measurement.PrintHeader();
TabularCase.Run(runtime, options, "breast-cancer pipeline, CSV", data.BreastCancerModels, data.BreastCancerCsv);
TabularCase.Run(runtime, options, "breast-cancer pipeline, JSONL", data.BreastCancerModels, data.BreastCancerJsonl);
TabularCase.Run(runtime, options, "tree-ensemble, CSV", data.WineModels, data.WineCsv);
FileCase.Run(runtime, options, "digits, PNG files", data.DigitsModels, data.PngFiles);
FileCase.Run(runtime, options, "digits, JPEG files", data.DigitsModels, data.JpegFiles);
FileCase.Run(runtime, options, "digits, NPY files", data.DigitsModels, data.NpyFiles);
MlNetCase.Run(runtime, options, data.MlNetModel, data.BreastCancerCsv, data.BreastCancerParquet);

HandWrittenCase.Run(runtime, options, data.BreastCancerModels, data.BreastCancerCsv, data.BreastCancerParquet);

Console.WriteLine();
ZipMapCase.Run(runtime, options, data.WineModels[0], data.WineCsv);
Console.WriteLine();
SklearnRunner.Run(data, options);
return 0;
