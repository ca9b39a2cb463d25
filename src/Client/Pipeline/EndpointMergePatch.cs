using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Pipeline;

/// <summary>The merge-patch body of an endpoint update; null members are left out, so they do not change.</summary>
internal sealed record EndpointMergePatch(string? Description, IReadOnlyDictionary<string, string?>? Tags, EndpointDefaults? Defaults);
