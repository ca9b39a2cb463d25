using System.CommandLine;
using OrleansBatch.Cli.Commands;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli;

/// <summary>
/// The <c>obatch</c> command line: <c>az ml</c>'s batch verbs and YAML files against an OrleansBatch gateway.
/// <see cref="RunAsync"/> is the whole program, callable in-process by tests with their own console and transport.
/// </summary>
internal static class ObatchCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("obatch: Azure ML batch endpoints, deployments and jobs (az ml's verbs and YAML) on an OrleansBatch gateway.");
        foreach (var option in GlobalOptions.All)
            root.Options.Add(option);
        root.Subcommands.Add(EndpointCommands.Create(context));
        root.Subcommands.Add(DeploymentCommands.Create(context));
        root.Subcommands.Add(JobCommands.Create(context));
        root.Subcommands.Add(AssetCommands.Model(context));
        root.Subcommands.Add(AssetCommands.Data(context));
        root.Subcommands.Add(LoginCommand.Create(context));
        root.Subcommands.Add(TenantCommands.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await context.Error.WriteLineAsync($"error: {error.Message}");
            await context.Error.WriteLineAsync("Run with --help for the options.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (OrleansBatchRequestException e)
        {
            await context.Error.WriteLineAsync(Describe(e));
            return e.Status switch
            {
                401 or 403 or 404 => ExitCodes.NotFoundOrAuth,
                400 or 413 or 415 or 422 => ExitCodes.Usage,
                _ => ExitCodes.Failed,
            };
        }
        catch (Exception e) when (e is UsageException or AzureMLYamlException or FileNotFoundException or DirectoryNotFoundException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Stopped (a job that was started keeps running; 'obatch job cancel --name <job>' stops it).");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A local file that cannot be read or written, or an answer the client cannot read: say so, without a stack trace.
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The gateway's problem: status, stable code, what to fix, and each field's messages.</summary>
    private static string Describe(OrleansBatchRequestException e)
    {
        if (e.Status == 0)
            return $"error: the gateway did not answer: {e.InnerException?.Message ?? e.Message}";
        var lines = new List<string> { $"error: ({e.ErrorCode ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}) {e.Detail ?? e.Title ?? e.Message}" };
        foreach (var (field, messages) in e.Errors)
            lines.AddRange(messages.Where(m => m != e.Detail).Select(m => $"  {field}: {m}"));
        if (e.Status == 401)
            lines.Add($"  Check the key: --api-key, ${Connection.ApiKeyVariable} or 'obatch login'.");
        return string.Join(Environment.NewLine, lines);
    }
}
