using System.Runtime.CompilerServices;

namespace OrleansBatch.Client;

/// <summary>
/// A list from the gateway, fetched page by page as it is enumerated (following each page's <c>next_link</c>).
/// Enumerate it with <c>await foreach</c> for the items, or use <see cref="AsPages"/> to see page boundaries and
/// continuation tokens, e.g. to resume a listing later.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public class OrleansBatchPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, int?, CancellationToken, Task<OrleansBatchPage<T>>>? _fetchPage;
    private readonly CancellationToken _cancellationToken;

    /// <summary>For mocking: a derived class overrides <see cref="AsPages"/>.</summary>
    protected OrleansBatchPageable()
    {
    }

    /// <summary>Creates a pageable that fetches a page for a continuation token (null for the first) and a page size hint.</summary>
    internal OrleansBatchPageable(Func<string?, int?, CancellationToken, Task<OrleansBatchPage<T>>> fetchPage, CancellationToken cancellationToken)
    {
        _fetchPage = fetchPage;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds a pageable over pages already in memory (for tests and mocks of <see cref="OrleansBatchClient"/>).</summary>
    /// <param name="pages">The pages, in order.</param>
    public static OrleansBatchPageable<T> FromPages(IEnumerable<OrleansBatchPage<T>> pages)
    {
        var list = pages.ToList();
        return new OrleansBatchPageable<T>((token, _, _) =>
        {
            var index = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            var page = list[index];
            var next = index + 1 < list.Count ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(page with { ContinuationToken = next });
        }, CancellationToken.None);
    }

    /// <summary>Enumerates the list page by page.</summary>
    /// <param name="continuationToken">Where to resume: a page's <see cref="OrleansBatchPage{T}.ContinuationToken"/>; null to start at the beginning.</param>
    /// <param name="pageSizeHint">How many items a page should hold (the gateway may cap it); null for the gateway's default.</param>
    public virtual IAsyncEnumerable<OrleansBatchPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is <= 0)
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "A page size must be positive.");
        return EnumeratePages(continuationToken, pageSizeHint, CancellationToken.None);
    }

    /// <summary>Enumerates every item of every page.</summary>
    /// <param name="cancellationToken">Stops the enumeration; combined with the token given to the call that made this list.</param>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
            foreach (var item in page.Values)
                yield return item;
    }

    private async IAsyncEnumerable<OrleansBatchPage<T>> EnumeratePages(string? continuationToken, int? pageSizeHint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_fetchPage is null)
            throw new InvalidOperationException("A mock pageable must override AsPages.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        var token = continuationToken;
        do
        {
            linked.Token.ThrowIfCancellationRequested();
            var page = await _fetchPage(token, pageSizeHint, linked.Token).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
