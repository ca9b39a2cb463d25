using System.Runtime.CompilerServices;
using OrleansBatch.Abstractions;

namespace OrleansBatch.OrleansClient;

/// <summary>Walks a paged grain list to its end.</summary>
internal static class Pages
{
    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string?, Task<Page<T>>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var items = await page(continuation).WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in items.Items)
                yield return item;
            continuation = items.Continuation;
        } while (continuation is not null);
    }
}
