using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Models;

/// <summary>A registered model of a tenant: numbered, immutable versions and the label <c>latest</c>. Keyed <c>tenant/model</c>.</summary>
public sealed class ModelGrain(
    [PersistentState("model", StorageNames.Grains)] IPersistentState<StoredState<ModelState>> state, IGrainStateStore catalog, TimeProvider time)
    : ResourceGrain<ModelState>(state, catalog, time), IModelGrain
{
    public const string GrainType = "model";

    protected override StateKey CatalogKey => new(GrainType, Tenant, Name);

    private string Name => Names[0];

    public Task<int> ReserveVersionAsync()
    {
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var model = current.State ?? new ModelState(Name, 0, [], now);
            var next = model.LastReserved + 1;
            return Outcome<ModelState, int>.Write(model with { LastReserved = next }, next);
        });
    }

    public Task<ModelVersion> CommitVersionAsync(ModelVersion version) =>
        ExecuteAsync(current =>
        {
            var model = current.State ?? throw new InvalidOperationException($"Model {version.Name} version {version.Version} was not reserved.");
            if (model.Versions.Any(v => v.Version == version.Version))
                return Outcome<ModelState, ModelVersion>.Keep(version);
            var versions = model.Versions.Append(version).OrderBy(v => v.Version).ToList();
            return Outcome<ModelState, ModelVersion>.Write(model with { Versions = versions }, version);
        });

    public Task<ModelVersion> GetVersionAsync(int? version)
    {
        var model = Existing();
        var found = version is { } number ? model.Versions.FirstOrDefault(v => v.Version == number) : model.Latest;
        return Task.FromResult(found ?? throw DomainException.NotFound("ModelNotFound", $"Model '{Name}' has no version {version}; it has versions 1-{model.Latest!.Version}."));
    }

    public Task<ModelVersion> DeleteVersionAsync(int version)
    {
        var removed = Existing().Versions.FirstOrDefault(v => v.Version == version)
            ?? throw DomainException.NotFound("ModelNotFound", $"Model '{Name}' has no version {version}.");
        return ExecuteAsync(current =>
            current.State is { } model && model.Versions.Any(v => v.Version == version)
                ? Outcome<ModelState, ModelVersion>.Write(model with { Versions = model.Versions.Where(v => v.Version != version).ToList() }, removed)
                : throw DomainException.NotFound("ModelNotFound", $"Model '{Name}' has no version {version}."));
    }

    public Task<Page<ModelVersion>> ListVersionsAsync(int top, string? continuation) => Task.FromResult(Page<ModelVersion>.Of(Existing().Versions, top, continuation));

    private ModelState Existing() => Current.State is { Latest: not null } model
        ? model
        : throw DomainException.NotFound("ModelNotFound", $"Model '{Name}' does not exist; register it with POST /v1/models/{Name}/versions.");
}
