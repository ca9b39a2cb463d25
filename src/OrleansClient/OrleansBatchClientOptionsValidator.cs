using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;

namespace OrleansBatch.OrleansClient;

/// <summary>Checks <see cref="OrleansBatchClientOptions"/> before the client starts; each failure names the setting and what to set it to.</summary>
public sealed class OrleansBatchClientOptionsValidator : IValidateOptions<OrleansBatchClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansBatchClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Tenant))
            failures.Add($"Tenant is required: the tenant this service acts for (o.Tenant = \"contoso\", or {OrleansBatchClientOptions.TenantKey}).");
        else if (!ResourceName.IsValid(options.Tenant))
            failures.Add($"Tenant '{options.Tenant}' is not a tenant name: {ResourceName.Rule}.");
        var azure = string.Equals(options.Provider, ClusterConnection.AzureStorage, StringComparison.OrdinalIgnoreCase);
        if (!azure && !string.Equals(options.Provider, ClusterConnection.Local, StringComparison.OrdinalIgnoreCase))
            failures.Add($"Provider '{options.Provider}' is not a provider: use '{ClusterConnection.Local}' (the platform on this machine, through GatewayPort) or '{ClusterConnection.AzureStorage}' (a cluster, through its Azure Table membership; set ConnectionString).");
        if (azure && string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"Provider AzureStorage needs ConnectionString ({OrleansBatchClientOptions.ConnectionStringKey}): the storage account the silos use.");
        if (!azure && options.GatewayPort is < 1 or > 65535)
            failures.Add($"GatewayPort {(options.GatewayPort < 0 ? "" : options.GatewayPort + " ")}is not a TCP port: use the platform's {OrleansBatchClientOptions.GatewayPortKey} (1-65535; default {ClusterConnection.DefaultGatewayPort}).");
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            failures.Add($"ClusterId is empty: use the silos' {OrleansBatchClientOptions.ClusterIdKey} (default '{ClusterConnection.DefaultClusterId}').");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            failures.Add("ConnectTimeout must be positive (e.g. TimeSpan.FromSeconds(30)).");
        if (options.PollInterval <= TimeSpan.Zero)
            failures.Add("PollInterval must be positive (e.g. TimeSpan.FromMilliseconds(500)).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => "OrleansBatchClientOptions." + f));
    }
}
