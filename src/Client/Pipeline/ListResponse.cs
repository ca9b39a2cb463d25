namespace OrleansBatch.Client.Pipeline;

/// <summary>One page of a list as the gateway sends it: <c>{"value": [...], "next_link": "..." | null}</c>.</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T>? Value, string? NextLink);
