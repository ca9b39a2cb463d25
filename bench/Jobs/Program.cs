using System.Diagnostics;
using OrleansBatch.Bench.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Scoring;

// Jobs benchmarks on the embedded default (one silo in this process: localhost clustering, SQLite grain state, Local
// files): job throughput vs the scorer alone, overhead per mini-batch, invoke -> first scored mini-batch, peak memory
// on a large CSV. With --before, each part first runs in the same benchmark built at the commit before the move onto
// Orleans (a child process), and a last table puts the two side by side.
// Usage: dotnet run -c Release --project bench/Jobs -- [big-csv-MB] [part...] [--before <old OrleansBatch.Bench.Jobs.dll>]
// where the parts are throughput, overhead, first, large (all of them when none is named).
var beforeAt = Array.IndexOf(args, "--before");
var beforeDll = beforeAt >= 0 && beforeAt + 1 < args.Length ? Path.GetFullPath(args[beforeAt + 1]) : null;
if (beforeAt >= 0 && (beforeDll is null || !File.Exists(beforeDll)))
{
    Console.Error.WriteLine("--before needs the path of the old benchmark's OrleansBatch.Bench.Jobs.dll (see bench/README.md: how to build it).");
    return 2;
}
var positional = beforeAt >= 0 ? [.. args[..beforeAt], .. args[(beforeAt + 2)..]] : args;
var bigMb = positional.Length > 0 ? int.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) : 1024;
var parts = positional.Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Runs(string part) => parts.Count == 0 || parts.Contains(part);
var root = FindRoot();
var work = Directory.CreateTempSubdirectory("obatch-bench-jobs-").FullName;
var inputs = Path.Combine(work, "inputs");
Directory.CreateDirectory(inputs);
var workers = Environment.ProcessorCount;
var before = beforeDll is null ? null : new BeforeBench(beforeDll, bigMb, workers);
var after = new Figures();
// Prints a line of this side's results and reads its figures for the comparison.
void Report(string line)
{
    Console.WriteLine(before is null ? line : $"after  | {line}");
    after.Read(line, workers);
}
Console.WriteLine($"cores {Environment.ProcessorCount}, workers {workers}, {DateTime.UtcNow:u}");
try
{
    await using var silo = await BenchSilo.StartAsync(Path.Combine(work, "data"), inputs, workers);
    var pipeline = new[] { await silo.AddModelAsync(Path.Combine(root, "samples/breast-cancer/preprocess.onnx")), await silo.AddModelAsync(Path.Combine(root, "samples/breast-cancer/model.onnx")) };

    // The one-row files of parts 2 and 3: a trivial model (the scaling graph alone) on one-row files, one per mini-batch.
    var tinyDir = Path.Combine(inputs, "tiny");
    Directory.CreateDirectory(tinyDir);
    var sample = File.ReadAllLines(Path.Combine(root, "samples/breast-cancer/data/breast_cancer.csv"));
    for (var i = 0; i < 400; i++)
        File.WriteAllText(Path.Combine(tinyDir, $"f{i:D4}.csv"), sample[0] + "\n" + sample[1 + i % 569] + "\n");
    var trivial = new[] { pipeline[0] };
    var tinySettings = JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 1), MaxConcurrencyPerInstance = 1 };
    var scorer = silo.Scorer(pipeline);

    // Runs the scorer and jobs a few times, for the parts measured on a silo that has run jobs before.
    async Task WarmUpAsync()
    {
        var dir = Path.Combine(inputs, "warm-up");
        WriteCsv(Path.Combine(root, "samples/breast-cancer/data/breast_cancer.csv"), Path.Combine(dir, "data.csv"), 200_000);
        var settings = JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("1MB"), MaxConcurrencyPerInstance = 2 * workers };
        var files = silo.Spec(dir, pipeline, settings).Files();
        for (var run = 0; run < 3; run++)
        {
            ScoreAlone(scorer, MiniBatchPlanner.Plan(files, settings.MiniBatchSize), files, workers);
            await silo.WaitAsync(await silo.CreateAsync(silo.Spec(dir, pipeline, settings)));
        }
    }

    // 1. Throughput: the same 200k-row CSV, same byte ranges and parallelism, job (window 2 x workers) vs scorer alone.
    if (Runs("throughput"))
    {
        if (before is not null)
            await before.RunAsync("throughput");
        var csvDir = Path.Combine(inputs, "throughput");
        var rows = WriteCsv(Path.Combine(root, "samples/breast-cancer/data/breast_cancer.csv"), Path.Combine(csvDir, "data.csv"), 200_000);
        var settings = JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("1MB"), MaxConcurrencyPerInstance = 2 * workers };
        var spec = silo.Spec(csvDir, pipeline, settings);
        var files = spec.Files();
        var plan = MiniBatchPlanner.Plan(files, settings.MiniBatchSize);
        // Alternate the two so both see the same share of a busy machine; medians of 5 after a warm-up of each.
        ScoreAlone(scorer, plan, files, workers);
        await silo.WaitAsync(await silo.CreateAsync(silo.Spec(csvDir, pipeline, settings)));
        var aloneSeconds = new List<double>();
        var jobSeconds = new List<double>();
        JobState done = null!;
        for (var run = 0; run < 5; run++)
        {
            var alone = Stopwatch.StartNew();
            ScoreAlone(scorer, plan, files, workers);
            aloneSeconds.Add(alone.Elapsed.TotalSeconds);
            var job = Stopwatch.StartNew();
            done = await silo.WaitAsync(await silo.CreateAsync(silo.Spec(csvDir, pipeline, settings)));
            jobSeconds.Add(job.Elapsed.TotalSeconds);
        }
        var aloneMedian = Median(aloneSeconds);
        var jobMedian = Median(jobSeconds);
        Report($"throughput: {rows:N0} rows, {plan.MiniBatchCount} mini-batches, median of 5; scorer alone {rows / aloneMedian:N0} rows/s, job end to end {rows / jobMedian:N0} rows/s ({done.Status}); ratio {aloneMedian / jobMedian:0.00}");
    }

    // 2. Overhead per mini-batch with a trivial model (the scaling graph alone) on one-row files, one at a time (window 1):
    // the time from one mini-batch's result to the next one's, less the scorer's own time on that file (median of 5).
    if (Runs("overhead"))
    {
        if (before is not null)
            await before.RunAsync("overhead");
        var tinyFiles = silo.Spec(tinyDir, trivial, tinySettings).Files();
        var trivialScorer = silo.Scorer(trivial, "trivial@1");
        var perFile = tinyFiles.Select(file => Median([.. Enumerable.Range(0, 6).Select(_ =>
        {
            var t = Stopwatch.GetTimestamp();
            trivialScorer.Score(new InputSlice(file.Path, file.FileName), new NullSink(TextWriter.Null));
            return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }).Skip(1)])).ToList();
        await silo.WaitAsync(await silo.CreateAsync(silo.Spec(tinyDir, trivial, tinySettings))); // warm-up
        var tiny = Stopwatch.StartNew();
        var tinyName = await silo.CreateAsync(silo.Spec(tinyDir, trivial, tinySettings));
        var tinyDone = await silo.WaitAsync(tinyName);
        tiny.Stop();
        var results = await silo.ResultsAsync(tinyName);
        var overheads = Enumerable.Range(1, results.Count - 1).Select(i => (results[i].RecordedAt - results[i - 1].RecordedAt).TotalMilliseconds - perFile[i]).ToList();
        var wallMean = tiny.Elapsed.TotalMilliseconds / tinyFiles.Count - perFile.Average();
        Report($"overhead: {tinyFiles.Count} one-row mini-batches, window 1: job {tiny.Elapsed.TotalMilliseconds:N0} ms ({tinyDone.Status}); scorer alone median {Median(perFile):0.000} ms per file; " +
            $"overhead per mini-batch (result to next result, less the file's scoring) median {Median(overheads):0.00} ms, mean {overheads.Average():0.00} ms; " +
            $"job wall time per mini-batch less scoring {wallMean:0.00} ms; worker time (input checks, scoring, part) median {Median([.. results.Select(r => r.DurationMs)]):0.00} ms");
    }

    // 3. Invoke -> first scored mini-batch (the first result record), over 20 runs.
    if (Runs("first"))
    {
        if (before is not null)
            await before.RunAsync("first");
        var firsts = new List<double>();
        for (var run = 0; run < 20; run++)
        {
            var firstSpec = silo.Spec(tinyDir, trivial, tinySettings with { MaxConcurrencyPerInstance = 4 });
            var t = Stopwatch.GetTimestamp();
            var name = await silo.CreateAsync(firstSpec);
            while ((await silo.ResultsAsync(name)).Count == 0)
                await Task.Delay(1);
            firsts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            await silo.CancelAsync(name);
            await silo.WaitAsync(name);
        }
        firsts.Sort();
        Report($"invoke -> first scored mini-batch: median {firsts[10]:0.0} ms, min {firsts[0]:0.0} ms, max {firsts[^1]:0.0} ms (20 runs)");
    }

    // 4. Peak memory and throughput on a large CSV in 10MB mini-batches: the job against the scorer alone on the same
    // byte ranges, alternated in rounds (one large job says more about the machine's moods, and about the JIT still
    // optimizing the job's code, than about the job): a warm-up round, then three counted. Each round runs the job with
    // two windows: 2 x workers (a mini-batch waiting for each busy worker: the setting for throughput) and = workers
    // (each worker waits for the owner's refill after every mini-batch).
    if (Runs("large"))
    {
        if (before is not null)
            await before.RunAsync("large");
        // A silo that has run jobs before: the first seconds of a fresh process run unoptimized (Tier-0) code.
        if (!Runs("throughput"))
            await WarmUpAsync();
        var bigDir = Path.Combine(inputs, "big");
        var bigRows = WriteCsv(Path.Combine(root, "samples/breast-cancer/data/breast_cancer.csv"), Path.Combine(bigDir, "big.csv"), targetBytes: (long)bigMb << 20);
        var bigLength = new FileInfo(Path.Combine(bigDir, "big.csv")).Length;
        var bigSettings = JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("10MB") };
        var bigFiles = silo.Spec(bigDir, pipeline, bigSettings).Files();
        var bigPlan = MiniBatchPlanner.Plan(bigFiles, bigSettings.MiniBatchSize);
        Report($"large CSV: {bigLength / (1 << 20):N0} MB, {bigRows:N0} rows, {bigPlan.MiniBatchCount} mini-batches of 10MB");
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        int[] windows = [2 * workers, workers];
        var ratios = windows.ToDictionary(w => w, _ => new List<double>());
        for (var round = 0; round <= 3; round++)
        {
            var (aloneTime, aloneCpu) = Measure(() => ScoreAlone(scorer, bigPlan, bigFiles, workers));
            var line = $"large CSV round {round}{(round == 0 ? " (warm-up, not counted)" : "")}: scorer alone {bigRows / aloneTime.TotalSeconds:N0} rows/s ({aloneCpu.TotalSeconds:0.0} CPU s)";
            foreach (var window in windows)
            {
                JobState bigDone = null!;
                var (jobTime, jobCpu) = Measure(() => bigDone = silo.WaitAsync(silo.CreateAsync(silo.Spec(bigDir, pipeline, bigSettings with { MaxConcurrencyPerInstance = window })).GetAwaiter().GetResult()).GetAwaiter().GetResult());
                var joinStarted = await silo.LoggedAtAsync(bigDone.Name, "joining the output");
                if (round > 0)
                    ratios[window].Add(aloneTime / jobTime);
                line += $"; job window {window}: {bigRows / jobTime.TotalSeconds:N0} rows/s ({bigDone.Status} in {jobTime.TotalSeconds:N2} s, {(bigDone.EndedAt!.Value - joinStarted).TotalSeconds:N2} s after the ordered join started, " +
                    $"{jobCpu.TotalSeconds:0.0} CPU s) ratio {aloneTime / jobTime:0.00}";
                await silo.DeleteOutputAsync(bigDone);
            }
            Report(line);
        }
        process.Refresh();
        foreach (var window in windows)
            Report($"large CSV throughput, window {window}: job / scorer alone median {Median(ratios[window]):0.00} (rounds {string.Join(", ", ratios[window].Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})");
        Report($"large CSV memory: peak working set of the process {process.PeakWorkingSet64 / (1 << 20):N0} MB (before the jobs {peakBefore / (1 << 20):N0} MB)");

        // Wall time and CPU time (user + system, all threads) of one run.
        (TimeSpan Wall, TimeSpan Cpu) Measure(Action run)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            run();
            wall.Stop();
            process.Refresh();
            return (wall.Elapsed, process.TotalProcessorTime - cpu);
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

if (before is not null)
{
    Console.WriteLine();
    Console.WriteLine("| measure | before (the --before build) | after (this build) | after / before |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    foreach (var (name, _) in Figures.Compared)
    {
        if (before.Figures[name] is not { } old || after[name] is not { } now)
            continue;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| {name} | {old:0.##} | {now:0.##} | {(old == 0 ? double.NaN : now / old):0.00} |"));
    }
}
return 0;

// The scorer alone on the job's own byte ranges, with the job's parallelism: each of `workers` threads takes the
// next mini-batch when it is free (as a silo's scoring slots take the next mini-batch), and formats rows as a part does.
static void ScoreAlone(IScorer scorer, JobPlan plan, IReadOnlyList<JobInputFile> files, int workers)
{
    var next = -1;
    var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
    {
        for (var i = Interlocked.Increment(ref next); i < plan.MiniBatchCount; i = Interlocked.Increment(ref next))
        {
            using var writer = new StreamWriter(Stream.Null);
            foreach (var s in plan.SlicesOf(i, files))
                scorer.Score(new InputSlice(files[s.FileIndex].Path, files[s.FileIndex].FileName, s.Offset, s.Length), new NullSink(writer));
        }
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static long WriteCsv(string sample, string path, long rows = long.MaxValue, long targetBytes = long.MaxValue)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var lines = File.ReadAllLines(sample);
    using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
    writer.Write(lines[0] + "\n");
    long written = 0, bytes = lines[0].Length + 1;
    while (written < rows && bytes < targetBytes)
    {
        var line = lines[1 + (int)(written % (lines.Length - 1))];
        writer.Write(line);
        writer.Write('\n');
        bytes += line.Length + 1;
        written++;
    }
    return written;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
            return dir.FullName;
    throw new DirectoryNotFoundException("OrleansBatch.sln not found");
}
