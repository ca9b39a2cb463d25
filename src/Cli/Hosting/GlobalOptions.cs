using System.CommandLine;

namespace OrleansBatch.Cli.Hosting;

/// <summary>Options every command takes: the connection, <c>--query</c> and <c>-o</c>, and the <c>az</c> workspace options scripts pass (accepted, not needed here).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Endpoint = new("--endpoint") { Description = $"The gateway's URL (else ${Connection.EndpointVariable}, else the 'obatch login' profile).", Recursive = true };

    public static readonly Option<string> ApiKey = new("--api-key") { Description = $"The API key (else ${Connection.ApiKeyVariable}, else the 'obatch login' profile).", Recursive = true };

    public static readonly Option<string> Query = new("--query") { Description = "A JMESPath query on the result, as in az: name, [].name, {Name:name, Defaults:defaults}.", Recursive = true };

    public static readonly Option<string> Output = new("--output", "-o") { Description = "json (default), table, tsv or none.", Recursive = true };

    /// <summary>az's <c>--resource-group</c>, <c>--workspace-name</c> and <c>--subscription</c>: there is one workspace per API key here.</summary>
    public static readonly Option<string>[] AzureWorkspace =
    [
        new("--resource-group", "-g") { Description = "Accepted for az compatibility; the API key decides the tenant.", Recursive = true, Hidden = true },
        new("--workspace-name", "-w") { Description = "Accepted for az compatibility; the API key decides the tenant.", Recursive = true, Hidden = true },
        new("--subscription") { Description = "Accepted for az compatibility; the API key decides the tenant.", Recursive = true, Hidden = true },
    ];

    public static IEnumerable<Option> All => [Endpoint, ApiKey, Query, Output, .. AzureWorkspace];
}
