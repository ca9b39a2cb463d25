namespace OrleansBatch.Abstractions;

/// <summary>One page of a list; <see cref="Continuation"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("obatch.Page`1")]
public sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation)
{
    /// <summary>
    /// Pages an in-memory list (the versions inside one grain). The continuation token is the index of
    /// the next item; a token that is not one is 400 <c>InvalidContinuation</c>.
    /// </summary>
    public static Page<T> Of(IReadOnlyList<T> all, int top, string? continuation)
    {
        var start = 0;
        if (continuation is not null && (!int.TryParse(continuation, out start) || start < 0 || start > all.Count))
            throw DomainException.Invalid("InvalidContinuation", "The continuation token is not valid for this list; start again without it.");
        var items = all.Skip(start).Take(top).ToList();
        var next = start + items.Count;
        return new Page<T>(items, next < all.Count ? next.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
