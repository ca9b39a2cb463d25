namespace OrleansBatch.Api.Contracts;

/// <summary>Body of <c>POST /v1/tenants/{tenant}/keys</c>: <c>role</c> is <c>reader</c>, <c>contributor</c> or <c>admin</c>.</summary>
public sealed record ApiKeyRequest(string? Role);
