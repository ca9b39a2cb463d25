using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Data;

/// <summary>A data asset of a tenant: numbered, immutable versions, each a URI. Keyed <c>tenant/data</c>.</summary>
public sealed class DataGrain(
    [PersistentState("data", StorageNames.Grains)] IPersistentState<StoredState<DataState>> state, IGrainStateStore catalog, TimeProvider time)
    : ResourceGrain<DataState>(state, catalog, time), IDataGrain
{
    public const string GrainType = "data";

    protected override StateKey CatalogKey => new(GrainType, Tenant, Name);

    private string Name => Names[0];

    public Task<DataVersion> AddVersionAsync(DataDraft draft)
    {
        draft.Validate();
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var data = current.State ?? new DataState(Name, [], now);
            var next = data.Versions.Count == 0 ? 1 : data.Versions[^1].Version + 1;
            var version = new DataVersion(Name, next, draft.Type!, draft.Path!.Trim(), draft.Description, StringMap.Normalize(draft.Tags), now);
            return Outcome<DataState, DataVersion>.Write(data with { Versions = data.Versions.Append(version).ToList() }, version);
        });
    }

    public Task<DataVersion> GetVersionAsync(int? version)
    {
        var data = Existing();
        var found = version is { } number ? data.Versions.FirstOrDefault(v => v.Version == number) : data.Versions[^1];
        return Task.FromResult(found ?? throw DomainException.NotFound("DataNotFound", $"Data asset '{Name}' has no version {version}; it has versions 1-{data.Versions[^1].Version}."));
    }

    public Task<Page<DataVersion>> ListVersionsAsync(int top, string? continuation) => Task.FromResult(Page<DataVersion>.Of(Existing().Versions, top, continuation));

    private DataState Existing() => Current.State is { Versions.Count: > 0 } data
        ? data
        : throw DomainException.NotFound("DataNotFound", $"Data asset '{Name}' does not exist; create it with POST /v1/data/{Name}/versions.");
}
