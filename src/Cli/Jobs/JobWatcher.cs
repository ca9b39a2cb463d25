using System.Diagnostics;
using System.Globalization;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client.Jobs;
using Spectre.Console;

namespace OrleansBatch.Cli.Jobs;

/// <summary>
/// Follows a job to its end (<c>invoke --wait</c>, <c>job stream</c>): on a terminal a live progress bar on stderr
/// (mini-batches, items, rows/s, ETA); when stderr is redirected, a plain line each time the counters move. With
/// <c>followLog</c> the job's log lines go to stdout as they come, as <c>az ml job stream</c> prints them.
/// </summary>
internal sealed class JobWatcher(CliContext context)
{
    /// <summary>The poll interval of the progress; the log is streamed by the gateway as it is written.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public async Task<BatchJob> WaitAsync(BatchJobHandle handle, bool followLog, CancellationToken cancellationToken)
    {
        var rate = new RowRate();
        BatchJob done;
        if (context.ErrorIsTerminal)
        {
            var console = context.ErrorConsole();
            // On one screen, log lines go through the console that draws the bar, which keeps the bar below them.
            Func<string, Task> writeLine = context.OutputIsTerminal ? line => { console.WriteLine(line); return Task.CompletedTask; } : context.Output.WriteLineAsync;
            done = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async display =>
                {
                    var task = display.AddTask(Markup.Escape($"{handle.Name}: {handle.Job.Status}"), maxValue: 1);
                    var progress = new Callback(p =>
                    {
                        task.MaxValue = Math.Max(1, p.MiniBatches.Total);
                        task.Value = p.MiniBatches.Succeeded + p.MiniBatches.Failed;
                        task.Description = Markup.Escape(Describe(handle.Name, p, rate.Update(p.RowsWritten)));
                    });
                    var job = await FollowAsync(handle, followLog ? writeLine : null, progress, cancellationToken);
                    task.Description = Markup.Escape($"{handle.Name}: {job.Status}");
                    task.StopTask();
                    return job;
                });
        }
        else
        {
            var progress = new Callback(p => context.Error.WriteLine(Describe(handle.Name, p, rate.Update(p.RowsWritten))));
            done = await FollowAsync(handle, followLog ? context.Output.WriteLineAsync : null, progress, cancellationToken);
        }
        await context.Error.WriteLineAsync(Summary(done));
        return done;
    }

    /// <summary>0 for Completed; 1 for Failed or Canceled.</summary>
    public static int ExitCode(BatchJob job) => job.Status == BatchJobStatus.Completed ? ExitCodes.Success : ExitCodes.Failed;

    /// <summary>Waits for the job with progress; with <paramref name="writeLine"/>, copies its log meanwhile (the gateway ends a followed log when the job ends).</summary>
    private static async Task<BatchJob> FollowAsync(BatchJobHandle handle, Func<string, Task>? writeLine, IProgress<BatchJobProgress> progress, CancellationToken cancellationToken)
    {
        var log = writeLine is null ? Task.CompletedTask : CopyLogAsync(handle, writeLine, cancellationToken);
        var job = await handle.WaitForCompletionAsync(progress, PollInterval, cancellationToken);
        await log;
        return job;
    }

    private static async Task CopyLogAsync(BatchJobHandle handle, Func<string, Task> writeLine, CancellationToken cancellationToken)
    {
        await foreach (var line in handle.ReadLogAsync(follow: true, cancellationToken))
            await writeLine(line);
    }

    public static string Describe(string job, BatchJobProgress p, double? rowsPerSecond)
    {
        var rate = rowsPerSecond is { } r ? FormattableString.Invariant($", {r:0.#} rows/s") : "";
        var eta = p.EtaSeconds is { } seconds && p.Percent < 100 ? FormattableString.Invariant($", ETA {TimeSpan.FromSeconds(Math.Round(seconds)):c}") : "";
        return FormattableString.Invariant(
            $"{job}: mini-batches {p.MiniBatches.Succeeded + p.MiniBatches.Failed}/{p.MiniBatches.Total} ({p.MiniBatches.Running} running, {p.MiniBatches.Failed} failed), items {p.Items.Succeeded} ok {p.Items.Failed} failed, {p.RowsWritten} rows{rate}{eta}, {p.Percent:0}%");
    }

    private static string Summary(BatchJob job)
    {
        var text = $"Job {job.Name} {job.Status}";
        if (job.StartedAt is { } started && job.EndedAt is { } ended)
            text += string.Create(CultureInfo.InvariantCulture, $" in {(ended - started).TotalSeconds:0.0} s");
        if (job.Progress is { } p)
            text += $": {p.Items.Succeeded} items scored, {p.Items.Failed} failed, {p.RowsWritten} rows written";
        if (job.Error is { } error)
            text += $"{Environment.NewLine}error: ({error.Code}) {error.Message}{Environment.NewLine}  Per-item errors: obatch job errors --name {job.Name}";
        return text + ".";
    }

    /// <summary>Rows per second since the first report, for the display.</summary>
    private sealed class RowRate
    {
        private readonly Stopwatch _clock = new();
        private long _firstRows;

        public double? Update(long rows)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
                _firstRows = rows;
                return null;
            }
            var seconds = _clock.Elapsed.TotalSeconds;
            return seconds > 0 ? (rows - _firstRows) / seconds : null;
        }
    }

    /// <summary>Reports synchronously on the caller's thread (unlike <see cref="Progress{T}"/>, which posts), so lines keep their order.</summary>
    private sealed class Callback(Action<BatchJobProgress> report) : IProgress<BatchJobProgress>
    {
        public void Report(BatchJobProgress value) => report(value);
    }
}
