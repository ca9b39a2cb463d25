using System.Globalization;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Deployments: every change creates an immutable version; jobs pin the version they started with.
public partial class OrleansBatchClient
{
    /// <summary>
    /// Creates a deployment of an endpoint, or a new version of it when the definition changed something (the body
    /// of <c>deployment.yml</c>). Model references are resolved and pinned now. The first deployment of an endpoint
    /// without a default becomes its default.
    /// </summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">The deployment's name (3-32 characters: letters, digits, '-').</param>
    /// <param name="definition">Model or pipeline, resources and settings; null values take the defaults.</param>
    /// <param name="setDefault">Also make this deployment the endpoint's default.</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/>: fail with 412 <c>PreconditionFailed</c> if the deployment changed since.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchDeployment> CreateOrUpdateDeploymentAsync(string endpointName, string deploymentName,
        BatchDeploymentDefinition definition, bool setDefault = false, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var path = DeploymentPath(endpointName, deploymentName);
        if (setDefault)
            path = Gateway.AddQuery(path, "set_default", "true");
        return Gateway.SendAsync<BatchDeployment>(HttpMethod.Put, path, Gateway.Json(definition), ifMatch, cancellationToken);
    }

    /// <summary>Gets a deployment at its current version.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchDeployment> GetDeploymentAsync(string endpointName, string deploymentName, CancellationToken cancellationToken = default)
        => Gateway.SendAsync<BatchDeployment>(HttpMethod.Get, DeploymentPath(endpointName, deploymentName), null, null, cancellationToken);

    /// <summary>Gets one immutable version of a deployment, e.g. the one a job pinned.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">The deployment's name.</param>
    /// <param name="version">The deployment version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchDeployment> GetDeploymentVersionAsync(string endpointName, string deploymentName, int version,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var path = $"{DeploymentPath(endpointName, deploymentName)}/versions/{version.ToString(CultureInfo.InvariantCulture)}";
        return Gateway.SendAsync<BatchDeployment>(HttpMethod.Get, path, null, null, cancellationToken);
    }

    /// <summary>Lists every immutable version of a deployment, oldest first.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchDeployment> GetDeploymentVersionsAsync(string endpointName, string deploymentName,
        CancellationToken cancellationToken = default)
        => Gateway.List<BatchDeployment>($"{DeploymentPath(endpointName, deploymentName)}/versions", cancellationToken);

    /// <summary>Lists the deployments of an endpoint at their current versions.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchDeployment> GetDeploymentsAsync(string endpointName, CancellationToken cancellationToken = default)
        => Gateway.List<BatchDeployment>($"{EndpointPath(endpointName, nameof(endpointName))}/deployments", cancellationToken);

    /// <summary>Deletes a deployment. The endpoint's default cannot be deleted (409 <c>DeploymentIsDefault</c>): switch the default first.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <param name="deploymentName">The deployment's name.</param>
    /// <param name="ifMatch">An <see cref="BatchResource.ETag"/>: fail with 412 <c>PreconditionFailed</c> if the deployment changed since.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteDeploymentAsync(string endpointName, string deploymentName, string? ifMatch = null,
        CancellationToken cancellationToken = default)
        => Gateway.SendAsync(HttpMethod.Delete, DeploymentPath(endpointName, deploymentName), ifMatch, cancellationToken);

    private static string DeploymentPath(string endpointName, string deploymentName)
        => $"{EndpointPath(endpointName, nameof(endpointName))}/deployments/{Gateway.Segment(deploymentName, nameof(deploymentName))}";
}
