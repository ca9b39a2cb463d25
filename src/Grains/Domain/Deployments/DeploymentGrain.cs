using System.Text.Json;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;

namespace OrleansBatch.Grains.Domain.Deployments;

/// <summary>
/// A deployment of an endpoint. Every PUT that changes something adds an immutable version; jobs pin a version, so
/// later changes never alter a running job. Keyed <c>tenant/endpoint/deployment</c>.
/// </summary>
public sealed class DeploymentGrain(
    [PersistentState("deployment", StorageNames.Grains)] IPersistentState<StoredState<DeploymentState>> state, IGrainStateStore catalog, TimeProvider time)
    : ResourceGrain<DeploymentState>(state, catalog, time), IDeploymentGrain
{
    public const string GrainType = "deployment";

    protected override StateKey CatalogKey => new(GrainType, Tenant, $"{Endpoint}/{Name}");

    private string Endpoint => Names[0];

    private string Name => Names[1];

    public async Task<DeploymentPutResult> PutAsync(DeploymentDraft draft, bool setDefault, long? ifMatch)
    {
        var (type, instanceCount, settings) = draft.Validate(new ValidationErrors());
        var endpoint = GrainFactory.Endpoint(Tenant, Endpoint);
        await endpoint.GetAsync();
        var spec = new DeploymentSpec(
            type,
            type == DeploymentSpec.ModelType ? await BindAsync(draft.Model!, "model") : null,
            type == DeploymentSpec.PipelineType ? await BindStepsAsync(draft.Steps!) : [],
            draft.Description,
            StringMap.Normalize(draft.Tags),
            draft.Compute,
            instanceCount,
            settings,
            draft.IgnoredSettings is { Count: > 0 } ignored ? ignored : null);
        PipelineFit.Check(spec.Graphs, settings.InputColumns);

        var now = Time.GetUtcNow();
        var specJson = JsonSerializer.Serialize(spec, Records.Json);
        var (snapshot, created, changed) = await ExecuteAsync(current =>
        {
            if (current.State is { } deployment && JsonSerializer.Serialize(deployment.Current.Spec, Records.Json) == specJson)
                return Outcome<DeploymentState, (Snapshot<DeploymentState>, bool, bool)>.Keep((new(deployment, current.Version), false, false));
            var version = new DeploymentVersion((int)current.Version + 1, spec, now);
            var updated = current.State is { } existing
                ? existing with { Versions = existing.Versions.Append(version).ToList() }
                : new DeploymentState(Endpoint, Name, [version], now);
            return Outcome<DeploymentState, (Snapshot<DeploymentState>, bool, bool)>.Write(updated, (new(updated, current.Version + 1), !current.Exists, true));
        }, ifMatch);

        try
        {
            var endpointState = await endpoint.AddDeploymentAsync(Name, setDefault);
            return new DeploymentPutResult(snapshot, created, changed, endpointState.State.DefaultDeployment == Name);
        }
        catch (DomainException e) when (e.Code == "EndpointNotFound")
        {
            // The endpoint was deleted meanwhile: do not leave an orphan deployment behind.
            await PurgeAsync();
            throw;
        }
    }

    public Task<Snapshot<DeploymentState>> GetAsync() => Task.FromResult(Existing());

    public Task<DeploymentVersion> GetVersionAsync(int? version)
    {
        var deployment = Existing().State;
        if (version is null)
            return Task.FromResult(deployment.Current);
        return Task.FromResult(deployment.Versions.FirstOrDefault(v => v.Version == version)
            ?? throw DomainException.NotFound("DeploymentVersionNotFound", $"Deployment '{Name}' has no version {version}; it has versions 1-{deployment.Current.Version}."));
    }

    public async Task DeleteAsync(long? ifMatch)
    {
        var current = Existing();
        if (ifMatch is { } expected && expected != current.Version)
            throw DomainException.PreconditionFailed(current.Version, expected);
        await GrainFactory.Endpoint(Tenant, Endpoint).RemoveDeploymentAsync(Name);
        await ExecuteAsync(c => c.Exists ? Outcome<DeploymentState, bool>.Delete(true) : throw NotFound(Endpoint, Name), ifMatch);
    }

    public Task PurgeAsync() => ExecuteAsync(_ => Outcome<DeploymentState, bool>.Delete(true));

    private Snapshot<DeploymentState> Existing() => Current is { State: { } deployment } current ? new(deployment, current.Version) : throw NotFound(Endpoint, Name);

    public static DomainException NotFound(string endpoint, string deployment) =>
        DomainException.NotFound("DeploymentNotFound", $"Endpoint '{endpoint}' has no deployment '{deployment}'.");

    private async Task<IReadOnlyList<ModelBinding>> BindStepsAsync(IReadOnlyList<ModelReference> steps)
    {
        var bound = new List<ModelBinding>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
            bound.Add(await BindAsync(steps[i], $"steps[{i}].model"));
        return bound;
    }

    private async Task<ModelBinding> BindAsync(ModelReference reference, string field)
    {
        try
        {
            return ModelBinding.Of(await GrainFactory.Model(Tenant, reference.Name).GetVersionAsync(reference.Version));
        }
        catch (DomainException e) when (e.Code == "ModelNotFound")
        {
            var message = $"'{reference}' does not resolve: {e.Message}";
            throw new DomainException(400, "ModelNotFound", message, new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
