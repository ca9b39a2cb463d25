using Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansBatch.OrleansClient;

/// <summary>Registers the OrleansBatch Orleans client in a .NET service.</summary>
public static class OrleansBatchClientExtensions
{
    /// <summary>
    /// Connects this service to the OrleansBatch cluster as an Orleans client bound to one tenant, and registers
    /// <see cref="IOrleansBatchClient"/> (endpoints, deployments, jobs). Settings come from configuration
    /// (<see cref="OrleansBatchClientOptions"/>) and then <paramref name="configure"/>; bad settings throw
    /// <see cref="OptionsValidationException"/> here, naming each one, before anything connects. The host's start fails with
    /// the connection error when no gateway answers within <see cref="OrleansBatchClientOptions.ConnectTimeout"/>.
    /// </summary>
    /// <example><code>builder.UseOrleansBatchClient(o => { o.Tenant = "contoso"; o.GatewayPort = 30000; });</code></example>
    public static IHostApplicationBuilder UseOrleansBatchClient(this IHostApplicationBuilder builder, Action<OrleansBatchClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new OrleansBatchClientOptions();
        options.Bind(builder.Configuration);
        configure?.Invoke(options);
        var validation = new OrleansBatchClientOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
            throw new OptionsValidationException(Options.DefaultName, typeof(OrleansBatchClientOptions), validation.Failures);

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.UseOrleansClient(client =>
        {
            client.UseOrleansBatchCluster(options.ToConnection());
            client.AddOutgoingGrainCallFilter<TenantBindingFilter>();
            client.UseConnectionRetryFilter<GatewayConnectionRetry>();
        });
        builder.Services.AddSingleton<IOrleansBatchClient, OrleansBatchClient>();
        return builder;
    }
}
