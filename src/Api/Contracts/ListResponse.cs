namespace OrleansBatch.Api.Contracts;

/// <summary>A page of a list: <c>{value, next_link}</c>; <c>next_link</c> is the absolute URL of the next page, or null.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Value, string? NextLink);
