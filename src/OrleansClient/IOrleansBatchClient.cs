namespace OrleansBatch.OrleansClient;

/// <summary>
/// Typed access to one tenant's models, batch endpoints, deployments and jobs over the cluster's grains (registered by
/// <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/>). Failures are <see cref="Abstractions.DomainException"/>
/// with the REST API's status and stable code (e.g. <c>EndpointNotFound</c>).
/// </summary>
public interface IOrleansBatchClient
{
    /// <summary>The tenant every call acts for.</summary>
    string Tenant { get; }

    /// <summary>The tenant's registered models, to read: versions, inputs and outputs.</summary>
    ModelsClient Models { get; }

    /// <summary>The tenant's batch endpoints: list, get, create or update, set the default deployment, delete.</summary>
    EndpointsClient Endpoints { get; }

    /// <summary>The deployments of the tenant's endpoints: list, get, create or update (a new version), delete.</summary>
    DeploymentsClient Deployments { get; }

    /// <summary>The tenant's jobs: invoke, get, list, wait for completion, cancel, error report, output.</summary>
    JobsClient Jobs { get; }
}
