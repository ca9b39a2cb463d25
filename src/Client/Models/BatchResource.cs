using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>A resource the gateway versions for optimistic concurrency: it carries the <see cref="ETag"/> to send back as <c>ifMatch</c>.</summary>
public abstract record BatchResource
{
    /// <summary>
    /// The entity tag of this state of the resource, from the response's <c>ETag</c> header. Pass it as
    /// <c>ifMatch</c> to an update or delete so it fails with 412 <c>PreconditionFailed</c> if someone changed
    /// the resource in between. Null in list results when the gateway does not include it.
    /// </summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }
}
