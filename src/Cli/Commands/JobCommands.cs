using System.CommandLine;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Cli.Jobs;
using OrleansBatch.Client.Jobs;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch job show|list|stream|download|cancel|errors</c>, as <c>az ml job</c> for batch jobs.</summary>
internal static class JobCommands
{
    public static Command Create(CliContext context)
    {
        var name = Verb.Name("The job's name (what invoke printed: --query name -o tsv).");
        var endpoint = new Option<string>("--endpoint-name", "-e") { Description = "Only jobs of this endpoint." };
        var deployment = new Option<string>("--deployment-name", "-d") { Description = "Only jobs of this deployment." };
        var status = new Option<BatchJobStatus?>("--status") { Description = "Only jobs in this status (Running, Completed, Failed, ...)." };
        var parent = new Option<string>("--parent-job-name") { Description = "Accepted for az compatibility: a batch job here is the scoring job itself, with no child jobs.", Hidden = true };
        var max = new Option<int?>("--max-results", "-r") { Description = "At most this many jobs." };
        var downloadPath = new Option<string>("--download-path", "-p") { Description = "Where to download (default: the current folder); the file lands in named-outputs/score/, as with az." };
        var outputName = new Option<string>("--output-name") { Description = "The output to download: score (the only output of a batch job)." };
        var all = new Option<bool>("--all") { Description = "Accepted for az compatibility: score is the job's only output." };
        var web = new Option<bool>("--web") { Description = "Accepted for az compatibility: prints the job (no studio to open).", Hidden = true };

        return Verb.Group("job", "Batch jobs: follow, download, cancel.",
            Verb.Create("show", "Show a job: status, inputs, output, effective settings, progress.", context, [name, web], async run =>
                run.Write(await run.Client.GetJobAsync(run.Required(name), run.CancellationToken))),
            Verb.Create("list", "List jobs, newest first.", context, [endpoint, deployment, status, parent, max], async run =>
            {
                var jobs = run.Client.GetJobsAsync(run.Get(endpoint), run.Get(deployment), run.Get(status), run.CancellationToken);
                run.Write(await (run.Get(max) is { } top ? jobs.Take(top) : jobs).ToListAsync(run.CancellationToken));
            }),
            Verb.Create("stream", "Print the job's log as it is written, with its progress on stderr, until it ends; exit 0 if it Completed, 1 if not.", context, [name], async run =>
            {
                var handle = await run.Client.GetJobHandleAsync(run.Required(name), run.CancellationToken);
                return JobWatcher.ExitCode(await new JobWatcher(run.Context).WaitAsync(handle, followLog: true, run.CancellationToken));
            }),
            Verb.Create("download", "Download the job's output to <download-path>/named-outputs/score/<file>.", context, [name, downloadPath, outputName, all], async run =>
            {
                if (run.Get(outputName) is { } output && output != "score")
                    throw new UsageException($"--output-name {output}: a batch job has one output, score.");
                var job = await run.Client.GetJobAsync(run.Required(name), run.CancellationToken);
                if (job.Status != BatchJobStatus.Completed)
                    throw new UsageException($"Job {job.Name} is {job.Status}; its output can be downloaded once it has Completed.");
                var folder = Path.Combine(run.Get(downloadPath) ?? ".", "named-outputs", "score");
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, job.Output?.FileName ?? "predictions.csv");
                await using (var stream = File.Create(file))
                    await run.Client.DownloadJobOutputAsync(job.Name, stream, run.CancellationToken);
                run.Note($"Downloaded the output of {job.Name} to {file}.");
            }),
            Verb.Create("cancel", "Ask a job to stop.", context, [name], async run =>
                run.Write(await run.Client.CancelJobAsync(run.Required(name), run.CancellationToken))),
            Verb.Create("errors", "List a job's per-item errors: mini-batch, file, row, attempt, code and message.", context, [name], async run =>
                run.Write(await run.Client.GetJobErrorsAsync(run.Required(name), run.CancellationToken).ToListAsync(run.CancellationToken))));
    }
}
