using System.Text.Json;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Deployments;

/// <summary>
/// Deployments of an endpoint. Every PUT that changes something adds an immutable version; jobs pin a
/// version (<see cref="ResolveAsync"/>, <see cref="GetVersionAsync"/>), so later changes never alter a running job.
/// </summary>
public sealed class DeploymentGrain(GrainRuntime runtime, EndpointGrain endpoints, ModelGrain models, TimeProvider time)
{
    public const string GrainType = "deployment";

    public static GrainId IdOf(string tenant, string endpoint, string deployment) => new(GrainType, tenant, $"{endpoint}/{deployment}");

    /// <summary>
    /// Creates a new version when the (validated, model-resolved) spec differs from the current one;
    /// lists the deployment on its endpoint and makes it the default when <paramref name="setDefault"/>
    /// or when the endpoint has none.
    /// </summary>
    public async Task<DeploymentPutResult> PutAsync(
        string tenant, string endpoint, string name, DeploymentDraft draft, ValidationErrors errors, bool setDefault, long? ifMatch,
        CancellationToken cancellationToken = default)
    {
        var (type, instanceCount, settings) = draft.Validate(errors);
        await endpoints.GetAsync(tenant, endpoint, cancellationToken).ConfigureAwait(false);
        var spec = new DeploymentSpec(
            type,
            type == DeploymentSpec.ModelType ? await BindAsync(tenant, draft.Model!, "model", cancellationToken).ConfigureAwait(false) : null,
            type == DeploymentSpec.PipelineType ? await BindStepsAsync(tenant, draft.Steps!, cancellationToken).ConfigureAwait(false) : [],
            draft.Description,
            StringMap.Normalize(draft.Tags),
            draft.Compute,
            instanceCount,
            settings,
            draft.IgnoredSettings is { Count: > 0 } ignored ? ignored : null);

        var now = time.GetUtcNow();
        var specJson = JsonSerializer.Serialize(spec, GrainRuntime.StateJson);
        var (snapshot, created, changed) = await runtime.ExecuteAsync<DeploymentState, (Snapshot<DeploymentState>, bool, bool)>(IdOf(tenant, endpoint, name), current =>
        {
            if (current.State is { } state && JsonSerializer.Serialize(state.Current.Spec, GrainRuntime.StateJson) == specJson)
                return Outcome<DeploymentState, (Snapshot<DeploymentState>, bool, bool)>.Keep((new(state, current.Version), false, false));
            var version = new DeploymentVersion((int)current.Version + 1, spec, now);
            var updated = current.State is { } existing
                ? existing with { Versions = [.. existing.Versions, version] }
                : new DeploymentState(endpoint, name, [version], now);
            return Outcome<DeploymentState, (Snapshot<DeploymentState>, bool, bool)>.Write(updated, (new(updated, current.Version + 1), !current.Exists, true));
        }, ifMatch, cancellationToken).ConfigureAwait(false);

        try
        {
            var endpointState = await endpoints.AddDeploymentAsync(tenant, endpoint, name, setDefault, cancellationToken).ConfigureAwait(false);
            return new DeploymentPutResult(snapshot, created, changed, endpointState.State.DefaultDeployment == name);
        }
        catch (DomainException e) when (e.Code == "EndpointNotFound")
        {
            // The endpoint was deleted meanwhile: do not leave an orphan deployment behind.
            await runtime.ExecuteAsync<DeploymentState, bool>(IdOf(tenant, endpoint, name), _ => Outcome<DeploymentState, bool>.Delete(true), cancellationToken: cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<Snapshot<DeploymentState>> GetAsync(string tenant, string endpoint, string name, CancellationToken cancellationToken = default)
    {
        var current = await runtime.ReadAsync<DeploymentState>(IdOf(tenant, endpoint, name), cancellationToken).ConfigureAwait(false);
        return current.State is { } state ? new(state, current.Version) : throw NotFound(endpoint, name);
    }

    /// <summary>One version of a deployment; null <paramref name="version"/> means the current one.</summary>
    public async Task<DeploymentVersion> GetVersionAsync(string tenant, string endpoint, string name, int? version, CancellationToken cancellationToken = default)
    {
        var state = (await GetAsync(tenant, endpoint, name, cancellationToken).ConfigureAwait(false)).State;
        if (version is null)
            return state.Current;
        return state.Versions.FirstOrDefault(v => v.Version == version)
            ?? throw DomainException.NotFound("DeploymentVersionNotFound", $"Deployment '{name}' has no version {version}; it has versions 1-{state.Current.Version}.");
    }

    public async Task<Page<Snapshot<DeploymentState>>> ListAsync(string tenant, string endpoint, int top, string? continuation, CancellationToken cancellationToken = default)
    {
        await endpoints.GetAsync(tenant, endpoint, cancellationToken).ConfigureAwait(false);
        return await runtime.QueryAsync<DeploymentState, Snapshot<DeploymentState>>(new GrainQuery(GrainType, tenant, endpoint + "/", top, continuation),
            (state, record) => new(state, record.Version), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a deployment; 409 <c>DeploymentIsDefault</c> while it is the endpoint's default.</summary>
    public async Task DeleteAsync(string tenant, string endpoint, string name, long? ifMatch, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(tenant, endpoint, name, cancellationToken).ConfigureAwait(false);
        if (ifMatch is { } expected && expected != current.Version)
            throw DomainException.PreconditionFailed(current.Version, expected);
        await endpoints.RemoveDeploymentAsync(tenant, endpoint, name, cancellationToken).ConfigureAwait(false);
        await runtime.ExecuteAsync<DeploymentState, bool>(IdOf(tenant, endpoint, name), c =>
            c.Exists ? Outcome<DeploymentState, bool>.Delete(true) : throw NotFound(endpoint, name), ifMatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Picks what an invocation of <paramref name="endpoint"/> runs: <paramref name="deployment"/> when named,
    /// else the default (409 <c>NoDefaultDeployment</c> when there is none), at its current version.
    /// </summary>
    public async Task<ResolvedDeployment> ResolveAsync(string tenant, string endpoint, string? deployment, CancellationToken cancellationToken = default)
    {
        var state = (await endpoints.GetAsync(tenant, endpoint, cancellationToken).ConfigureAwait(false)).State;
        var name = deployment?.ToLowerInvariant() ?? state.DefaultDeployment
            ?? throw DomainException.Conflict("NoDefaultDeployment",
                $"Endpoint '{endpoint}' has no default deployment; name one with deployment_name (or the azureml-model-deployment header), or set defaults.deployment_name.");
        var version = await GetVersionAsync(tenant, endpoint, name, null, cancellationToken).ConfigureAwait(false);
        return new ResolvedDeployment(endpoint, name, version);
    }

    public static DomainException NotFound(string endpoint, string deployment) =>
        DomainException.NotFound("DeploymentNotFound", $"Endpoint '{endpoint}' has no deployment '{deployment}'.");

    private async Task<IReadOnlyList<ModelBinding>> BindStepsAsync(string tenant, IReadOnlyList<ModelReference> steps, CancellationToken cancellationToken)
    {
        var bound = new List<ModelBinding>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
            bound.Add(await BindAsync(tenant, steps[i], $"steps[{i}].model", cancellationToken).ConfigureAwait(false));
        return bound;
    }

    private async Task<ModelBinding> BindAsync(string tenant, ModelReference reference, string field, CancellationToken cancellationToken)
    {
        try
        {
            return ModelBinding.Of(await models.GetVersionAsync(tenant, reference.Name, reference.Version, cancellationToken).ConfigureAwait(false));
        }
        catch (DomainException e) when (e.Code == "ModelNotFound")
        {
            var message = $"'{reference}' does not resolve: {e.Message}";
            throw new DomainException(400, "ModelNotFound", message, new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
