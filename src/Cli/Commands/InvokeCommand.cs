using System.CommandLine;
using System.Text.Json.Nodes;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Cli.Jobs;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli.Commands;

/// <summary>
/// <c>obatch batch-endpoint invoke</c>, as <c>az ml batch-endpoint invoke</c>: a local file or folder is uploaded first
/// (as the Azure ML CLI uploads it to the default datastore); URLs, <c>azureml:</c> data assets and <c>upload://</c> paths
/// go as they are. With <c>--wait</c> it follows the job with a progress display and exits with the job's outcome.
/// </summary>
internal static class InvokeCommand
{
    public static Command Create(CliContext context)
    {
        var name = Verb.Name("The endpoint.");
        var deployment = new Option<string>("--deployment-name", "-d") { Description = "The deployment (else the endpoint's default)." };
        var input = new Option<string>("--input", "-i") { Description = "A local file or folder (uploaded), an https:// URL, azureml:<data>:<version> or azureml:<data>@latest, upload://<id>/, or file://<path> under the gateway's data roots." };
        var inputType = new Option<string>("--input-type") { Description = "uri_file or uri_folder (else what the input is)." };
        inputType.AcceptOnlyFromAmong("uri_file", "uri_folder");
        var outputPath = new Option<string>("--output-path") { Description = "The output folder: azureml://datastores/<store>/paths/<folder>, or a folder of the tenant's outputs." };
        var miniBatchSize = new Option<string>("--mini-batch-size") { Description = "Files per mini-batch (20), or '10MB' / '1000 rows' for large tabular files." };
        var instanceCount = new Option<int?>("--instance-count") { Description = "Instances that score the job at once." };
        var set = Verb.Set("Per-job settings: settings.retry_settings.max_retries=1, error_threshold=5, output_file_name=scores.csv, output_policy=overwrite.");
        var wait = new Option<bool>("--wait") { Description = "Follow the job with a progress display until it ends; exit 0 if it Completed, 1 if it Failed or was Canceled." };
        var jobName = new Option<string>("--job-name") { Description = "Accepted for az compatibility; the gateway names jobs.", Hidden = true };
        var experiment = new Option<string>("--experiment-name") { Description = "Accepted for az compatibility; not used.", Hidden = true };

        return Verb.Create("invoke", "Start a batch job on an endpoint.", context,
            [name, deployment, input, inputType, outputPath, miniBatchSize, instanceCount, set, wait, jobName, experiment], async run =>
            {
                var (settings, policy) = Settings(run.Get(set) ?? [], run.Get(miniBatchSize), run.Get(instanceCount));
                // As az does: check the endpoint and deployment before uploading anything for them.
                var endpoint = await run.Client.GetEndpointAsync(run.Required(name), run.CancellationToken);
                if (run.Get(deployment) is { } named && !endpoint.Deployments.Contains(named.ToLowerInvariant()))
                    throw new UsageException($"Deployment name {named} not found for endpoint {endpoint.Name}; its deployments: {string.Join(", ", endpoint.Deployments)}.");
                var invocation = new BatchJobInvocation
                {
                    Input = run.Get(input) is { } given ? await InputAsync(run, given, run.Get(inputType)) : null,
                    DeploymentName = run.Get(deployment),
                    Output = run.Get(outputPath) is { } path ? new BatchJobOutput(path) : null,
                    Settings = settings,
                    OutputPolicy = policy,
                };
                var handle = await run.Client.InvokeEndpointAsync(run.Required(name), invocation, cancellationToken: run.CancellationToken);
                if (!run.Get(wait))
                {
                    run.Write(handle.Job);
                    return ExitCodes.Success;
                }
                var done = await new JobWatcher(run.Context).WaitAsync(handle, followLog: false, run.CancellationToken);
                run.Write(done);
                return JobWatcher.ExitCode(done);
            });
    }

    /// <summary>The input as the gateway takes it, uploading a local file or folder first.</summary>
    private static async Task<BatchJobInput> InputAsync(CommandRun run, string given, string? type)
    {
        if (IsReference(given))
            return new BatchJobInput(type, given);
        if (await LocalUpload.UploadAsync(run, given, type) is { } uploaded)
            return uploaded;
        if (Path.IsPathRooted(given))
            return new BatchJobInput(type, given);
        throw new UsageException($"--input {given}: no such local file or folder; give a local path, an https:// URL, azureml:<data>:<version> or file://<path> under the gateway's data roots.");
    }

    private static bool IsReference(string input) =>
        new[] { "azureml:", "https://", "http://", "upload://", "file://" }.Any(p => input.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The per-job settings from <c>--set</c> (with or without the <c>settings.</c> prefix az's examples use) and the
    /// dedicated options, checked against the client's <see cref="BatchJobSettings"/>; <c>output_policy</c> is the invocation's.
    /// </summary>
    private static (BatchJobSettings? Settings, string? Policy) Settings(string[] pairs, string? miniBatchSize, int? instanceCount)
    {
        var settings = new JsonObject();
        string? policy = null;
        foreach (var pair in pairs)
        {
            var key = pair.Split('=', 2)[0].Trim();
            if (key == "output_policy")
                policy = pair.Split('=', 2) is [_, var value] ? value.Trim() : throw new UsageException("--set output_policy=fail or output_policy=overwrite.");
            else
                AzureMLYaml.ApplyOverrides(settings, [key.StartsWith("settings.", StringComparison.Ordinal) ? pair["settings.".Length..] : pair]);
        }
        if (miniBatchSize is not null)
            settings["mini_batch_size"] = long.TryParse(miniBatchSize, out var files) ? files : miniBatchSize;
        if (instanceCount is not null)
            settings["instance_count"] = instanceCount;
        if (settings.Count == 0)
            return (null, policy);
        ModelKeyCheck.Check(settings, typeof(BatchJobSettings), "--set", "settings.");
        return (ModelKeyCheck.Bind<BatchJobSettings>(settings, "--set"), policy);
    }
}
