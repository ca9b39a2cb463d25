using System.CommandLine;
using OrleansBatch.Cli.Hosting;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch login --endpoint URL --api-key KEY</c>: checks the gateway URL and key, then saves them as the profile later commands use.</summary>
internal static class LoginCommand
{
    public static Command Create(CliContext context) =>
        Verb.Create("login", $"Save --endpoint and --api-key in the profile (mode 0600, under {context.ConfigDirectory}).", context, [], async run =>
        {
            // The global --endpoint / --api-key, required here.
            var endpoint = run.Get(GlobalOptions.Endpoint) ?? throw new UsageException("obatch login needs --endpoint, e.g. http://127.0.0.1:5080.");
            var apiKey = run.Get(GlobalOptions.ApiKey) ?? throw new UsageException("obatch login needs --api-key.");
            var profile = new ConnectionProfile(Connection.ParseEndpoint(endpoint).ToString(), apiKey);
            // Ask the gateway before saving anything: a wrong URL or key fails here, not at the next command.
            var identity = await WhoAmI.GetAsync(run.Client, run.CancellationToken);
            var path = profile.Write(run.Context.ConfigDirectory);
            run.Note($"Logged in to {profile.Endpoint} with {identity}; saved in {path}.");
        });
}
