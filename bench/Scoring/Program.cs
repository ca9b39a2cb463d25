using OrleansBatch.Bench.Scoring;

// Rows per second of the scorers on the samples, against a bare ONNX Runtime loop and scikit-learn.
// Usage: dotnet run -c Release --project bench/Scoring -- [--rows 200000] [--batch 1024] [--files 6000]
var options = BenchOptions.Parse(args);
using var data = BenchData.Create(options);
var runtime = new OrleansBatch.Scoring.OnnxRuntime();
Console.WriteLine($"ONNX Runtime {runtime.Version}; {Environment.ProcessorCount} cores; {options.Rows:N0} rows per tabular case, batch {options.BatchRows}; {options.Files:N0} files per file case");
Console.WriteLine();
Console.WriteLine($"{"case",-34} {"scorer rows/s",14} {"bare Run rows/s",16} {"ratio",6}");

if (args.Contains("--breakdown"))
{
    BreakdownCase.Run(runtime, options, data.BreastCancerModels, data.BreastCancerCsv);
    BreakdownCase.Run(runtime, options, data.WineModels, data.WineCsv);
    return 0;
}

var results = new List<Measurement>
{
    TabularCase.Run(runtime, options, "breast-cancer pipeline, CSV", data.BreastCancerModels, data.BreastCancerCsv),
    TabularCase.Run(runtime, options, "breast-cancer pipeline, JSONL", data.BreastCancerModels, data.BreastCancerJsonl),
    TabularCase.Run(runtime, options, "tree-ensemble, CSV", data.WineModels, data.WineCsv),
    FileCase.Run(runtime, options, "digits, PNG files", data.DigitsModels, data.PngFiles),
    FileCase.Run(runtime, options, "digits, NPY files", data.DigitsModels, data.NpyFiles),
};

Console.WriteLine();
SklearnRunner.Run(data, options);
return 0;
