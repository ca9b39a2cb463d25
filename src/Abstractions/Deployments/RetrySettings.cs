namespace OrleansBatch.Abstractions.Deployments;

/// <summary><c>retry_settings</c>: attempts after the first, and the time limit of one mini-batch in seconds.</summary>
[GenerateSerializer, Immutable, Alias("obatch.RetrySettings")]
public sealed record RetrySettings(int MaxRetries = 3, int Timeout = 30);
