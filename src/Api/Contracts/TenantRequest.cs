namespace OrleansBatch.Api.Contracts;

/// <summary>Body of <c>POST /v1/tenants</c>.</summary>
public sealed record TenantRequest(string? Name);
