namespace OrleansBatch.Client.Tests;

public class OrleansBatchPageableTests
{
    [Fact]
    public async Task FromPages_enumerates_items_across_pages_and_resumes_from_a_token()
    {
        var pageable = OrleansBatchPageable<int>.FromPages([new([1, 2], null), new([3], null), new([4, 5], null)]);

        var items = new List<int>();
        await foreach (var item in pageable)
            items.Add(item);
        var pages = new List<OrleansBatchPage<int>>();
        await foreach (var page in pageable.AsPages())
            pages.Add(page);
        var resumed = new List<int>();
        await foreach (var page in pageable.AsPages(pages[0].ContinuationToken))
            resumed.AddRange(page.Values);

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[2].ContinuationToken);
        Assert.Equal([3, 4, 5], resumed);
    }
}
