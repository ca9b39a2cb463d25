using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// The gateway's JSON: snake_case property names (the keys of Azure ML YAML), map keys as given, times
/// as ISO 8601 UTC (<c>2026-11-21T12:00:00Z</c>), nulls written (e.g. <c>next_link: null</c>).
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Frozen(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>Applies the gateway's settings to <paramref name="options"/> (also used for ASP.NET Core's own JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new UtcTimeJsonConverter());
        return options;
    }

    /// <summary>Read-only with the default resolver, so its contracts' metadata can be read before any (de)serialization.</summary>
    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
