using OrleansBatch.Client;

namespace OrleansBatch.Cli.Hosting;

/// <summary>
/// Which gateway and key a command uses: <c>--endpoint</c> / <c>--api-key</c>, else <c>OBATCH_ENDPOINT</c> /
/// <c>OBATCH_API_KEY</c>, else the profile <c>obatch login</c> saved (each of the two is looked up on its own).
/// </summary>
internal static class Connection
{
    public const string EndpointVariable = "OBATCH_ENDPOINT";
    public const string ApiKeyVariable = "OBATCH_API_KEY";

    public static OrleansBatchClient CreateClient(CliContext context, string? endpointOption, string? apiKeyOption)
    {
        var profile = endpointOption is null || apiKeyOption is null ? ConnectionProfile.Read(context.ConfigDirectory) : null;
        var endpoint = endpointOption ?? NonEmpty(context.Environment(EndpointVariable)) ?? profile?.Endpoint
            ?? throw new UsageException($"No gateway given: pass --endpoint http://host:port, set {EndpointVariable}, or run 'obatch login'.");
        var apiKey = apiKeyOption ?? NonEmpty(context.Environment(ApiKeyVariable)) ?? profile?.ApiKey
            ?? throw new UsageException($"No API key given: pass --api-key, set {ApiKeyVariable}, or run 'obatch login'.");
        return new OrleansBatchClient(ParseEndpoint(endpoint), apiKey, new OrleansBatchClientOptions { Transport = context.Transport, ApplicationId = "obatch" });
    }

    public static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"'{endpoint}' is not a gateway URL; use e.g. http://127.0.0.1:5080.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
