using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Models;

/// <summary>Registered models of a tenant: numbered, immutable versions and the label <c>latest</c>.</summary>
public sealed class ModelGrain(GrainRuntime runtime, TimeProvider time)
{
    public const string GrainType = "model";

    public static GrainId IdOf(string tenant, string model) => new(GrainType, tenant, model);

    /// <summary>Reserves the next version number; files are stored under it, then <see cref="CommitVersionAsync"/> makes it visible.</summary>
    public Task<int> ReserveVersionAsync(string tenant, string model, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<ModelState, int>(IdOf(tenant, model), current =>
        {
            var state = current.State ?? new ModelState(model, 0, [], now);
            var next = state.LastReserved + 1;
            return Outcome<ModelState, int>.Write(state with { LastReserved = next }, next);
        }, cancellationToken: cancellationToken);
    }

    public Task<ModelVersion> CommitVersionAsync(string tenant, ModelVersion version, CancellationToken cancellationToken = default) =>
        runtime.ExecuteAsync<ModelState, ModelVersion>(IdOf(tenant, version.Name), current =>
        {
            var state = current.State ?? throw new InvalidOperationException($"Model {version.Name} version {version.Version} was not reserved.");
            if (state.Versions.Any(v => v.Version == version.Version))
                return Outcome<ModelState, ModelVersion>.Keep(version);
            var versions = state.Versions.Append(version).OrderBy(v => v.Version).ToList();
            return Outcome<ModelState, ModelVersion>.Write(state with { Versions = versions }, version);
        }, cancellationToken: cancellationToken);

    /// <summary>One version; null <paramref name="version"/> means the latest. 404 <c>ModelNotFound</c> otherwise.</summary>
    public async Task<ModelVersion> GetVersionAsync(string tenant, string model, int? version, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(tenant, model, cancellationToken).ConfigureAwait(false);
        var found = version is { } number ? state.Versions.FirstOrDefault(v => v.Version == number) : state.Latest;
        return found ?? throw DomainException.NotFound("ModelNotFound", $"Model '{model}' has no version {version}; it has versions 1-{state.Latest!.Version}.");
    }

    /// <summary>
    /// Removes version <paramref name="version"/> (its number is never given again) and returns it, so the caller can delete
    /// its files; 404 <c>ModelNotFound</c> when it does not exist. Whether a deployment pins it is checked by the caller.
    /// </summary>
    public async Task<ModelVersion> DeleteVersionAsync(string tenant, string model, int version, CancellationToken cancellationToken = default)
    {
        var removed = await GetVersionAsync(tenant, model, version, cancellationToken).ConfigureAwait(false);
        return await runtime.ExecuteAsync<ModelState, ModelVersion>(IdOf(tenant, model), current =>
            current.State is { } state && state.Versions.Any(v => v.Version == version)
                ? Outcome<ModelState, ModelVersion>.Write(state with { Versions = state.Versions.Where(v => v.Version != version).ToList() }, removed)
                : throw DomainException.NotFound("ModelNotFound", $"Model '{model}' has no version {version}."),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<ModelVersion>> ListVersionsAsync(string tenant, string model, int top, string? continuation, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(tenant, model, cancellationToken).ConfigureAwait(false);
        return Page<ModelVersion>.Of(state.Versions, top, continuation);
    }

    /// <summary>Models with at least one committed version (a reserved but never committed one is left out).</summary>
    public Task<Page<AssetSummary>> ListAsync(string tenant, int top, string? continuation, CancellationToken cancellationToken = default) =>
        runtime.QueryAsync<ModelState, AssetSummary>(new GrainQuery(GrainType, tenant, "", top, continuation),
            (state, record) => state.Latest is { } latest ? new AssetSummary(state.Name, latest.Version, state.CreatedAt, record.UpdatedAt) : null,
            cancellationToken);

    private async Task<ModelState> GetStateAsync(string tenant, string model, CancellationToken cancellationToken)
    {
        var current = await runtime.ReadAsync<ModelState>(IdOf(tenant, model), cancellationToken).ConfigureAwait(false);
        return current.State is { Latest: not null } state
            ? state
            : throw DomainException.NotFound("ModelNotFound", $"Model '{model}' does not exist; register it with POST /v1/models/{model}/versions.");
    }
}
