using OrleansBatch.Silo.Hosting;

namespace OrleansBatch.Api.Hosting;

/// <summary>
/// What the gateway prints on stdout once it listens: its URL, the admin key's file (never the key), the dashboard,
/// the API reference and where local job inputs go, so that a first run needs no guessing.
/// </summary>
internal static class FirstRunBanner
{
    public static string Text(string address, PlatformAdminKey adminKey, GatewayOptions options)
    {
        var url = address.TrimEnd('/');
        var key = adminKey.KeyFile is { } file
            ? $"{file}{(adminKey.Generated ? " (generated now, mode 0600)" : "")}"
            : $"from {GatewayOptions.AdminKeyKey}";
        var roots = options.DataRoots.SequenceEqual([SiloProviderOptions.DefaultDataRoot(options.DataDirectory)])
            ? $"{SiloProviderOptions.DefaultDataRoot(options.DataDirectory)} (each tenant its own folder; set {GatewayOptions.DataRootsKey} to change)"
            : string.Join(":", options.DataRoots);
        return $"""
            OrleansBatch gateway listening on {url}
              admin key:   {key}
              dashboard:   {url}/dashboard
              API:         {url}/openapi (reference: docs/api.md)
              data:        {options.DataDirectory}
              job inputs:  {roots}
            """;
    }
}
