using System.CommandLine;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Cli.Jobs;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch batch-endpoint create|update|show|list|delete|invoke|list-jobs</c>, as <c>az ml batch-endpoint</c>.</summary>
internal static class EndpointCommands
{
    public static Command Create(CliContext context)
    {
        var name = Verb.Name("The endpoint's name (else the file's 'name').", required: false);
        var file = Verb.File("An endpoint.yml as written for Azure ML.");
        var set = Verb.Set("key=value changes on top of the file, e.g. defaults.deployment_name=blue.");
        var required = Verb.Name("The endpoint's name.");

        return Verb.Group("batch-endpoint", "Batch endpoints: stable names that route jobs to a default deployment.",
            Verb.Create("create", "Create an endpoint, or overwrite it, from endpoint.yml.", context, [name, file, set, .. Verb.AzureNoPrompt()], async run =>
            {
                var (endpointName, definition) = Load(run, name, file, set);
                run.Write(await run.Client.CreateOrUpdateEndpointAsync(endpointName, definition, cancellationToken: run.CancellationToken));
            }),
            Verb.Create("update", "Change an endpoint: a new endpoint.yml, or --set description=..., tags.k=v, defaults.deployment_name=<deployment>.", context,
                [name, file, set, .. Verb.AzureNoPrompt()], async run =>
                {
                    if (run.Get(file) is not null)
                    {
                        var (endpointName, definition) = Load(run, name, file, set);
                        run.Write(await run.Client.CreateOrUpdateEndpointAsync(endpointName, definition, cancellationToken: run.CancellationToken));
                        return;
                    }
                    var changes = AzureMLYaml.EndpointFromOverrides(run.Get(set) ?? []);
                    if (changes.Definition.AuthMode is not null)
                        throw new UsageException("auth_mode cannot be changed with --set; update the endpoint from its endpoint.yml (--file).");
                    var patch = new BatchEndpointPatch
                    {
                        Description = changes.Definition.Description,
                        Tags = changes.Definition.Tags?.ToDictionary(t => t.Key, t => (string?)t.Value),
                        DefaultDeploymentName = changes.Definition.Defaults?.DeploymentName,
                    };
                    run.Write(await run.Client.UpdateEndpointAsync(NameOf(run, name, changes.Name), patch, cancellationToken: run.CancellationToken));
                }),
            Verb.Create("show", "Show an endpoint: scoring URI, default deployment, deployments.", context, [required], async run =>
                run.Write(await run.Client.GetEndpointAsync(run.Required(required), run.CancellationToken))),
            Verb.Create("list", "List the endpoints.", context, [], async run =>
                run.Write(await run.Client.GetEndpointsAsync(run.CancellationToken).ToListAsync(run.CancellationToken))),
            Verb.Create("delete", "Delete an endpoint and its deployments; its jobs and their outputs stay.", context, [required, .. Verb.AzureNoPrompt()], async run =>
            {
                await run.Client.DeleteEndpointAsync(run.Required(required), cancellationToken: run.CancellationToken);
                run.Note($"Deleted endpoint {run.Required(required)}.");
            }),
            Verb.Create("list-jobs", "List an endpoint's jobs, newest first.", context, [required], async run =>
                run.Write(await run.Client.GetJobsAsync(endpoint: run.Required(required), cancellationToken: run.CancellationToken).ToListAsync(run.CancellationToken))),
            InvokeCommand.Create(context));
    }

    private static (string Name, BatchEndpointDefinition Definition) Load(CommandRun run, Option<string> name, Option<string> file, Option<string[]> set)
    {
        var yaml = run.Get(file) is { } path
            ? AzureMLYaml.ReadEndpoint(YamlFile.Read(path), path, run.Get(set))
            : AzureMLYaml.EndpointFromOverrides(run.Get(set) ?? []);
        return (NameOf(run, name, yaml.Name), yaml.Definition);
    }

    private static string NameOf(CommandRun run, Option<string> name, string? fromFile) =>
        (run.Get(name) ?? fromFile ?? throw new UsageException("Name the endpoint: --name, or 'name:' in the file.")).ToLowerInvariant();
}
