using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Api.Assets;

/// <summary>
/// Deletes a model version that no deployment version pins (409 <c>ModelInUse</c> naming one that does, since a
/// job may still run it), then its files.
/// </summary>
internal sealed class ModelDeletion(IGrainFactory grains, IArtifactStore artifacts)
{
    public async Task DeleteVersionAsync(string tenant, string model, int version, CancellationToken cancellationToken)
    {
        await grains.Model(tenant, model).GetVersionAsync(version).ConfigureAwait(false);
        if (await FindPinAsync(tenant, model, version).ConfigureAwait(false) is { } pin)
            throw DomainException.Conflict("ModelInUse",
                $"Model '{model}' version {version} is pinned by deployment '{pin}'; put a deployment version that uses another model version, or delete the deployment, first.");
        var removed = await grains.Model(tenant, model).DeleteVersionAsync(version).ConfigureAwait(false);
        foreach (var file in removed.Files)
            await artifacts.DeleteAsync(file.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first deployment version (<c>endpoint/deployment@n</c>) of the tenant whose graphs include the model version.</summary>
    private async Task<string?> FindPinAsync(string tenant, string model, int version)
    {
        var catalog = grains.Catalog(tenant);
        string? endpoints = null;
        do
        {
            var page = await catalog.ListEndpointsAsync(GrainQuery.MaxTop, endpoints).ConfigureAwait(false);
            foreach (var endpoint in page.Items)
            {
                string? deployments = null;
                do
                {
                    var found = await catalog.ListDeploymentsAsync(endpoint.State.Name, GrainQuery.MaxTop, deployments).ConfigureAwait(false);
                    foreach (var state in found.Items.Select(d => d.State))
                    {
                        if (state.Versions.FirstOrDefault(v => v.Spec.Graphs.Any(g => g.Name == model && g.Version == version)) is { } pinned)
                            return $"{state.Endpoint}/{state.Name}@{pinned.Version}";
                    }
                    deployments = found.Continuation;
                } while (deployments is not null);
            }
            endpoints = page.Continuation;
        } while (endpoints is not null);
        return null;
    }
}
