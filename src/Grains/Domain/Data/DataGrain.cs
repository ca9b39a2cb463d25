using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Data;

/// <summary>Data assets of a tenant: numbered, immutable versions, each a URI.</summary>
public sealed class DataGrain(GrainRuntime runtime, TimeProvider time)
{
    public const string GrainType = "data";

    public static GrainId IdOf(string tenant, string name) => new(GrainType, tenant, name);

    public Task<DataVersion> AddVersionAsync(string tenant, string name, DataDraft draft, CancellationToken cancellationToken = default)
    {
        draft.Validate();
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<DataState, DataVersion>(IdOf(tenant, name), current =>
        {
            var state = current.State ?? new DataState(name, [], now);
            var next = state.Versions.Count == 0 ? 1 : state.Versions[^1].Version + 1;
            var version = new DataVersion(name, next, draft.Type!, draft.Path!.Trim(), draft.Description, StringMap.Normalize(draft.Tags), now);
            return Outcome<DataState, DataVersion>.Write(state with { Versions = [.. state.Versions, version] }, version);
        }, cancellationToken: cancellationToken);
    }

    /// <summary>One version; null <paramref name="version"/> means the latest. 404 <c>DataNotFound</c> otherwise.</summary>
    public async Task<DataVersion> GetVersionAsync(string tenant, string name, int? version, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        var found = version is { } number ? state.Versions.FirstOrDefault(v => v.Version == number) : state.Versions[^1];
        return found ?? throw DomainException.NotFound("DataNotFound", $"Data asset '{name}' has no version {version}; it has versions 1-{state.Versions[^1].Version}.");
    }

    public async Task<Page<DataVersion>> ListVersionsAsync(string tenant, string name, int top, string? continuation, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        return Page<DataVersion>.Of(state.Versions, top, continuation);
    }

    public Task<Page<AssetSummary>> ListAsync(string tenant, int top, string? continuation, CancellationToken cancellationToken = default) =>
        runtime.QueryAsync<DataState, AssetSummary>(new GrainQuery(GrainType, tenant, "", top, continuation),
            (state, record) => state.Versions.Count > 0 ? new AssetSummary(state.Name, state.Versions[^1].Version, state.CreatedAt, record.UpdatedAt) : null,
            cancellationToken);

    private async Task<DataState> GetStateAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var current = await runtime.ReadAsync<DataState>(IdOf(tenant, name), cancellationToken).ConfigureAwait(false);
        return current.State is { Versions.Count: > 0 } state
            ? state
            : throw DomainException.NotFound("DataNotFound", $"Data asset '{name}' does not exist; create it with POST /v1/data/{name}/versions.");
    }
}
