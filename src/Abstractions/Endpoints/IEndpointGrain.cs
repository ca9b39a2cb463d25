using OrleansBatch.Abstractions.Deployments;

namespace OrleansBatch.Abstractions.Endpoints;

/// <summary>A batch endpoint: description, tags, auth mode, its deployments and the default one. Keyed <c>tenant/endpoint</c>.</summary>
[Alias("obatch.IEndpointGrain")]
public interface IEndpointGrain : IGrainWithStringKey
{
    /// <summary>Creates or overwrites; <paramref name="ifMatch"/> (a version) gives 412 when stale.</summary>
    [Alias("Put")] Task<EndpointPutResult> PutAsync(EndpointDefinition definition, long? ifMatch);

    /// <summary>Applies a JSON merge patch (RFC 7396, as JSON text) to the endpoint's document.</summary>
    [Alias("Patch")] Task<Snapshot<EndpointState>> PatchAsync(string mergePatchJson, long? ifMatch);

    /// <summary>The endpoint; 404 <c>EndpointNotFound</c>.</summary>
    [Alias("Get"), AlwaysInterleave] Task<Snapshot<EndpointState>> GetAsync();

    /// <summary>Deletes the endpoint and all its deployments (jobs and their outputs stay).</summary>
    [Alias("Delete")] Task DeleteAsync(long? ifMatch);

    /// <summary>Lists a deployment on the endpoint; makes it the default when asked or when there is none yet.</summary>
    [Alias("AddDeployment")] Task<Snapshot<EndpointState>> AddDeploymentAsync(string deployment, bool setDefault);

    /// <summary>Removes a deployment from the list; 409 <c>DeploymentIsDefault</c> while it is the default.</summary>
    [Alias("RemoveDeployment")] Task RemoveDeploymentAsync(string deployment);

    /// <summary>
    /// What an invocation runs: <paramref name="deployment"/> when named, else the default (409
    /// <c>NoDefaultDeployment</c> when there is none), at its current version.
    /// </summary>
    [Alias("Resolve"), AlwaysInterleave] Task<ResolvedDeployment> ResolveAsync(string? deployment);
}
