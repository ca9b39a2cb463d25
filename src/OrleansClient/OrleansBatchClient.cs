using Microsoft.Extensions.Options;

namespace OrleansBatch.OrleansClient;

/// <summary>The <see cref="IOrleansBatchClient"/> over the Orleans client that <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/> connects.</summary>
internal sealed class OrleansBatchClient(IClusterClient cluster, IOptions<OrleansBatchClientOptions> options) : IOrleansBatchClient
{
    public string Tenant { get; } = options.Value.Tenant!;

    public ModelsClient Models { get; } = new(cluster, options.Value.Tenant!);

    public EndpointsClient Endpoints { get; } = new(cluster, options.Value.Tenant!);

    public DeploymentsClient Deployments { get; } = new(cluster, options.Value.Tenant!);

    public JobsClient Jobs { get; } = new(cluster, options.Value.Tenant!, options.Value.PollInterval);
}
