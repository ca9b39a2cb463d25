using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain;

/// <summary>Lists grain states of one type and tenant (a store query: lists span grains, so they take no turn).</summary>
internal static class StateQueries
{
    /// <summary>One page of states mapped by <paramref name="map"/>; states it maps to null (e.g. nothing committed yet) are left out.</summary>
    public static async Task<Page<T>> QueryAsync<TState, T>(
        this IGrainStateStore store, GrainQuery query, Func<TState, GrainStateRecord, T?> map, CancellationToken cancellationToken = default)
        where T : class
    {
        GrainStatePage page;
        try
        {
            page = await store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException) when (query.Continuation is not null)
        {
            throw DomainException.Invalid("InvalidContinuation", "The continuation token is not valid for this list; follow next_link unchanged, or start again without it.");
        }
        return new(page.Items.Select(r => map(Records.Deserialize<TState>(r), r)).OfType<T>().ToList(), page.Continuation);
    }
}
