using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Batch endpoints: stable names that route jobs to a default deployment.
public partial class OrleansBatchClient
{
    /// <summary>Creates an endpoint, or overwrites it if it exists (the body of <c>endpoint.yml</c>).</summary>
    /// <param name="name">The endpoint's name (3-32 characters: letters, digits, '-'; unique in the tenant).</param>
    /// <param name="definition">Description, tags, auth mode, defaults.</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/>: fail with 412 <c>PreconditionFailed</c> if the endpoint changed since; null to overwrite unconditionally.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchEndpoint> CreateOrUpdateEndpointAsync(string name, BatchEndpointDefinition definition,
        string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Gateway.SendAsync<BatchEndpoint>(HttpMethod.Put, EndpointPath(name), Gateway.Json(definition), ifMatch, cancellationToken);
    }

    /// <summary>Gets an endpoint, with its scoring URI, default deployment and deployment names.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchEndpoint> GetEndpointAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.SendAsync<BatchEndpoint>(HttpMethod.Get, EndpointPath(name), null, null, cancellationToken);

    /// <summary>Lists the tenant's endpoints.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchEndpoint> GetEndpointsAsync(CancellationToken cancellationToken = default)
        => Gateway.List<BatchEndpoint>("v1/endpoints", cancellationToken);

    /// <summary>Changes part of an endpoint (a JSON merge patch): description, tags, or the default deployment.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="patch">What to change; what is null stays as it is.</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/>: fail with 412 <c>PreconditionFailed</c> if the endpoint changed since.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchEndpoint> UpdateEndpointAsync(string name, BatchEndpointPatch patch, string? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var body = new EndpointMergePatch(patch.Description, patch.Tags,
            patch.DefaultDeploymentName is null ? null : new EndpointDefaults(patch.DefaultDeploymentName));
        var content = Gateway.Json(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json");
        return Gateway.SendAsync<BatchEndpoint>(HttpMethod.Patch, EndpointPath(name), content, ifMatch, cancellationToken);
    }

    /// <summary>Makes a deployment the endpoint's default: jobs that name no deployment go to it from now on.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">An existing deployment of the endpoint (else 404 <c>DeploymentNotFound</c>).</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/> of the endpoint: fail with 412 if it changed since.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchEndpoint> SetDefaultDeploymentAsync(string endpointName, string deploymentName, string? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deploymentName);
        return UpdateEndpointAsync(endpointName, new BatchEndpointPatch { DefaultDeploymentName = deploymentName }, ifMatch, cancellationToken);
    }

    /// <summary>Deletes an endpoint and its deployments; its jobs and their outputs stay.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/>: fail with 412 <c>PreconditionFailed</c> if the endpoint changed since.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteEndpointAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
        => Gateway.SendAsync(HttpMethod.Delete, EndpointPath(name), ifMatch, cancellationToken);

    private static string EndpointPath(string name, string nameParameter = "name")
        => $"v1/endpoints/{Gateway.Segment(name, nameParameter)}";
}
