namespace OrleansBatch.Grains.Providers;

/// <summary>
/// A state listed by some of its values (<see cref="QueryField"/>): whoever writes it to the query store passes
/// <see cref="QueryFields"/> with it, so the store's index moves with every write.
/// </summary>
public interface IIndexedState
{
    /// <summary>The fields to store with this state (a method, so serializers leave it out).</summary>
    IReadOnlyList<QueryField> QueryFields();
}
