using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Api.Assets;

/// <summary>
/// Deletes a model version that no deployment version pins (409 <c>ModelInUse</c> naming one that does, since a
/// job may still run it), then its files.
/// </summary>
internal sealed class ModelDeletion(ModelGrain models, GrainRuntime runtime, IArtifactStore artifacts)
{
    public async Task DeleteVersionAsync(string tenant, string model, int version, CancellationToken cancellationToken)
    {
        await models.GetVersionAsync(tenant, model, version, cancellationToken).ConfigureAwait(false);
        if (await FindPinAsync(tenant, model, version, cancellationToken).ConfigureAwait(false) is { } pin)
            throw DomainException.Conflict("ModelInUse",
                $"Model '{model}' version {version} is pinned by deployment '{pin}'; put a deployment version that uses another model version, or delete the deployment, first.");
        var removed = await models.DeleteVersionAsync(tenant, model, version, cancellationToken).ConfigureAwait(false);
        foreach (var file in removed.Files)
            await artifacts.DeleteAsync(file.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first deployment version (<c>endpoint/deployment@n</c>) of the tenant whose graphs include the model version.</summary>
    private async Task<string?> FindPinAsync(string tenant, string model, int version, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await runtime.Store.QueryAsync(new GrainQuery(DeploymentGrain.GrainType, tenant, "", GrainQuery.MaxTop, continuation), cancellationToken).ConfigureAwait(false);
            foreach (var state in page.Items.Select(GrainRuntime.Deserialize<DeploymentState>))
            {
                if (state.Versions.FirstOrDefault(v => v.Spec.Graphs.Any(g => g.Name == model && g.Version == version)) is { } pinned)
                    return $"{state.Endpoint}/{state.Name}@{pinned.Version}";
            }
            continuation = page.Continuation;
        } while (continuation is not null);
        return null;
    }
}
