using System.CommandLine;
using System.Text.Json.Nodes;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Cli.Output;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch batch-deployment create|update|show|list|delete|list-jobs</c>, as <c>az ml batch-deployment</c>.</summary>
internal static class DeploymentCommands
{
    /// <summary>The keys of a deployment that a definition takes back (the rest of a shown deployment is read-only).</summary>
    private static readonly string[] DefinitionKeys = ["type", "model", "steps", "description", "tags", "compute", "resources", "settings"];

    public static Command Create(CliContext context)
    {
        var name = Verb.Name("The deployment's name (else the file's 'name').", required: false);
        var required = Verb.Name("The deployment's name.");
        var endpoint = new Option<string>("--endpoint-name", "-e") { Description = "The endpoint (else the file's 'endpoint_name')." };
        var endpointRequired = new Option<string>("--endpoint-name", "-e") { Description = "The endpoint.", Required = true };
        var file = Verb.File("A batch deployment.yml as written for Azure ML.");
        var fileRequired = Verb.File("A batch deployment.yml as written for Azure ML.", required: true);
        var set = Verb.Set("key=value changes on top of the file, e.g. settings.mini_batch_size=20.");
        var setDefault = new Option<bool>("--set-default") { Description = "Also make it the endpoint's default deployment." };

        return Verb.Group("batch-deployment", "Deployments of a batch endpoint: a model (or a pipeline of models) and the settings its jobs run with.",
            Verb.Create("create", "Create a deployment from deployment.yml (a new version if it exists and changed).", context,
                [name, endpoint, fileRequired, set, setDefault, .. Verb.AzureNoPrompt()], run => PutAsync(run, name, endpoint, fileRequired, set, setDefault)),
            Verb.Create("update", "Change a deployment: a new deployment.yml, or --set on the current one (settings.mini_batch_size=20).", context,
                [name, endpoint, file, set, setDefault, .. Verb.AzureNoPrompt()], run => PutAsync(run, name, endpoint, file, set, setDefault)),
            Verb.Create("show", "Show a deployment at its current version.", context, [required, endpointRequired], async run =>
                run.Write(await run.Client.GetDeploymentAsync(run.Required(endpointRequired), run.Required(required), run.CancellationToken))),
            Verb.Create("list", "List an endpoint's deployments.", context, [endpointRequired], async run =>
                run.Write(await run.Client.GetDeploymentsAsync(run.Required(endpointRequired), run.CancellationToken).ToListAsync(run.CancellationToken))),
            Verb.Create("delete", "Delete a deployment (not the endpoint's default: switch the default first).", context,
                [required, endpointRequired, .. Verb.AzureNoPrompt()], async run =>
                {
                    await run.Client.DeleteDeploymentAsync(run.Required(endpointRequired), run.Required(required), cancellationToken: run.CancellationToken);
                    run.Note($"Deleted deployment {run.Required(required)} of endpoint {run.Required(endpointRequired)}.");
                }),
            Verb.Create("list-jobs", "List a deployment's jobs, newest first.", context, [required, endpointRequired], async run =>
                run.Write(await run.Client.GetJobsAsync(run.Required(endpointRequired), run.Required(required), cancellationToken: run.CancellationToken)
                    .ToListAsync(run.CancellationToken))));
    }

    private static async Task PutAsync(CommandRun run, Option<string> name, Option<string> endpoint, Option<string> file, Option<string[]> set, Option<bool> setDefault)
    {
        DeploymentYaml yaml;
        if (run.Get(file) is { } path)
        {
            yaml = AzureMLYaml.ReadDeployment(YamlFile.Read(path), path, run.Get(set));
        }
        else
        {
            // No file: the current deployment with the --set changes, as az ml batch-deployment update --set does.
            var (deploymentName, endpointName) = (Required(run.Get(name), "--name"), Required(run.Get(endpoint), "--endpoint-name"));
            var current = await run.Client.GetDeploymentAsync(endpointName, deploymentName, run.CancellationToken);
            var body = (JsonObject)ResultWriter.ToNode(current)!;
            foreach (var key in body.Select(p => p.Key).Except(DefinitionKeys).ToList())
                body.Remove(key);
            if (body["steps"] is JsonArray { Count: 0 })
                body.Remove("steps");
            yaml = AzureMLYaml.ReadDeployment(body.ToJsonString(), "--set", run.Get(set));
        }
        var deployment = (run.Get(name) ?? yaml.Name ?? throw new UsageException("Name the deployment: --name, or 'name:' in the file.")).ToLowerInvariant();
        var target = (run.Get(endpoint) ?? yaml.EndpointName ?? throw new UsageException("Name the endpoint: --endpoint-name, or 'endpoint_name:' in the file.")).ToLowerInvariant();
        foreach (var key in yaml.IgnoredKeys)
            run.Note($"note: '{key}' is accepted for Azure ML compatibility and has no effect here (jobs run on the cluster's silos; resources.instance_count and settings decide their parallelism).");
        run.Write(await run.Client.CreateOrUpdateDeploymentAsync(target, deployment, yaml.Definition, run.Get(setDefault), cancellationToken: run.CancellationToken));
    }

    private static string Required(string? value, string option) =>
        value ?? throw new UsageException($"{option} is required when no --file is given.");
}
