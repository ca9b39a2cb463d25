namespace OrleansBatch.Client;

/// <summary>One page of a list from the gateway.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <param name="Values">The items on this page.</param>
/// <param name="ContinuationToken">
/// The token that fetches the next page (pass it to <see cref="OrleansBatchPageable{T}.AsPages"/>), or null on the last page.
/// </param>
public sealed record OrleansBatchPage<T>(IReadOnlyList<T> Values, string? ContinuationToken);
