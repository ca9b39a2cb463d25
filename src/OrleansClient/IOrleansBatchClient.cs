namespace OrleansBatch.OrleansClient;

/// <summary>
/// Typed access to one tenant's batch endpoints, deployments and jobs over the cluster's grains (registered by
/// <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/>). Failures are <see cref="Abstractions.DomainException"/>
/// with the REST API's status and stable code (e.g. <c>EndpointNotFound</c>).
/// </summary>
public interface IOrleansBatchClient
{
    /// <summary>The tenant every call acts for.</summary>
    string Tenant { get; }

    EndpointsClient Endpoints { get; }

    DeploymentsClient Deployments { get; }

    JobsClient Jobs { get; }
}
