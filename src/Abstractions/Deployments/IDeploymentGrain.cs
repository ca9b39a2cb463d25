namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// A deployment of an endpoint: every PUT that changes something adds an immutable version; jobs pin one.
/// Keyed <c>tenant/endpoint/deployment</c>. Reads interleave with a PUT that waits on its endpoint, so an invoke that
/// resolves this deployment meanwhile (endpoint -> deployment) cannot deadlock with it (deployment -> endpoint).
/// </summary>
[Alias("obatch.IDeploymentGrain")]
public interface IDeploymentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the draft, resolves its model references, adds a version when the spec changed, and lists the
    /// deployment on its endpoint (the default when <paramref name="setDefault"/> or when the endpoint has none).
    /// </summary>
    [Alias("Put")] Task<DeploymentPutResult> PutAsync(DeploymentDraft draft, bool setDefault, long? ifMatch);

    /// <summary>The deployment; 404 <c>DeploymentNotFound</c>.</summary>
    [Alias("Get"), AlwaysInterleave] Task<Snapshot<DeploymentState>> GetAsync();

    /// <summary>One version; null means the current one.</summary>
    [Alias("GetVersion"), AlwaysInterleave] Task<DeploymentVersion> GetVersionAsync(int? version);

    /// <summary>Deletes the deployment; 409 <c>DeploymentIsDefault</c> while it is the default.</summary>
    [Alias("Delete")] Task DeleteAsync(long? ifMatch);

    /// <summary>Removes the deployment's state without the endpoint checks (the endpoint is being deleted).</summary>
    [Alias("Purge"), AlwaysInterleave] Task PurgeAsync();
}
