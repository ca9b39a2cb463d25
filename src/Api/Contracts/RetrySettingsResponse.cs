namespace OrleansBatch.Api.Contracts;

/// <summary><c>retry_settings</c> of a deployment version.</summary>
public sealed record RetrySettingsResponse(int MaxRetries, int Timeout);
