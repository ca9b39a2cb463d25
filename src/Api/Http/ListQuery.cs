using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary><c>?top=N&amp;continuation=TOKEN</c> of a list request, and the <c>next_link</c> of its response.</summary>
internal sealed record ListQuery(int Top, string? Continuation)
{
    public const int DefaultTop = 100;
    /// <summary>The stores' own largest page, so a valid list request never fails in the store.</summary>
    public const int MaxTop = Grains.Providers.GrainQuery.MaxTop;

    public static ValueTask<ListQuery?> BindAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var top = DefaultTop;
        var text = query["top"].ToString();
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxTop))
            throw DomainException.Validation("top", $"'{text}' is not allowed; use 1-{MaxTop}.");
        var continuation = query["continuation"].ToString();
        return ValueTask.FromResult<ListQuery?>(new ListQuery(top, continuation.Length == 0 ? null : continuation));
    }

    /// <summary>
    /// The absolute URL of the next page, or null when <paramref name="continuation"/> is null. It keeps the request's
    /// other parameters (a list's filters), so following it continues the same list.
    /// </summary>
    public string? NextLink(HttpRequest request, string? continuation)
    {
        if (continuation is null)
            return null;
        var query = new QueryBuilder(request.Query.Where(p => p.Key is not ("top" or "continuation")))
        {
            { "top", Top.ToString(CultureInfo.InvariantCulture) },
            { "continuation", continuation },
        };
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
    }
}
