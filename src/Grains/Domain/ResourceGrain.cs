using System.Text.Json;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;

namespace OrleansBatch.Grains.Domain;

/// <summary>
/// A grain whose state is one domain resource. A command is a pure function of the current state (validate, apply)
/// and is run by <see cref="ExecuteAsync{TResult}"/>: apply, <c>WriteStateAsync</c>, then the resource's record in the
/// query store (the catalog that lists span) follows. A write that loses to another activation
/// (<see cref="Orleans.Storage.InconsistentStateException"/>, e.g. during a membership change) re-reads and re-applies.
/// </summary>
public abstract class ResourceGrain<TState>(IPersistentState<StoredState<TState>> state, IGrainStateStore catalog, TimeProvider time) : Grain
    where TState : class
{
    private const int MaxConflictRetries = 3;

    /// <summary>The resource's record in the query store.</summary>
    protected abstract StateKey CatalogKey { get; }

    /// <summary>The tenant this grain belongs to (the first segment of its key).</summary>
    protected string Tenant => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    /// <summary>The key's segments after the tenant.</summary>
    protected string[] Names => GrainKeys.NamesOf(this.GetPrimaryKeyString());

    protected TimeProvider Time => time;

    /// <summary>The query store the resource's record is kept in.</summary>
    protected IGrainStateStore Catalog => catalog;

    /// <summary>The state as a command sees it.</summary>
    protected Current<TState> Current => new(state.State.Value, state.State.Version, state.State.UpdatedAt);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A resource stored before it moved into Orleans grain state has only its query-store record: adopt it (written
        // back with its next change), so an upgrade keeps every tenant, model, endpoint and job.
        if (!state.RecordExists && await catalog.ReadAsync(CatalogKey, cancellationToken) is { } earlier)
            state.State = new StoredState<TState> { Value = Records.Deserialize<TState>(earlier), Version = earlier.Version, UpdatedAt = earlier.UpdatedAt };
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the current state and stores what it decided. With <paramref name="ifMatch"/>
    /// set, a grain at another version answers 412 <c>PreconditionFailed</c>.
    /// </summary>
    protected async Task<TResult> ExecuteAsync<TResult>(Func<Current<TState>, Outcome<TState, TResult>> command, long? ifMatch = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = Current;
            if (ifMatch is { } expected && (!current.Exists || current.Version != expected))
                throw DomainException.PreconditionFailed(current.Exists ? current.Version : null, expected);
            var outcome = command(current);
            try
            {
                switch (outcome.Kind)
                {
                    case OutcomeKind.Write:
                        state.State = new StoredState<TState> { Value = outcome.State, Version = current.Version + 1, UpdatedAt = time.GetUtcNow() };
                        await state.WriteStateAsync();
                        await CatalogPutAsync(outcome.State!, state.State.Version);
                        break;
                    case OutcomeKind.Delete when current.Exists:
                        await state.ClearStateAsync();
                        state.State = new StoredState<TState>();
                        await CatalogDeleteAsync();
                        break;
                }
                return outcome.Result;
            }
            catch (Orleans.Storage.InconsistentStateException) when (attempt < MaxConflictRetries)
            {
                // Another activation wrote first: re-read, and re-apply the (pure) command to the fresher state.
                await state.ReadStateAsync();
            }
        }
    }

    private async Task CatalogPutAsync(TState value, long version)
    {
        var json = JsonSerializer.Serialize(value, Records.Json);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await catalog.ReadAsync(CatalogKey);
            try
            {
                await catalog.WriteAsync(CatalogKey, json, version, existing?.ETag);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // A stale activation raced this one on the record: the grain's own write already won, so write again.
            }
        }
    }

    private async Task CatalogDeleteAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await catalog.ReadAsync(CatalogKey) is not { } existing)
                return;
            try
            {
                await catalog.DeleteAsync(CatalogKey, existing.ETag);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
            }
        }
    }
}
