namespace OrleansBatch.Abstractions;

/// <summary>A grain call was made for another tenant than the grain's (or for none); the silo refused it.</summary>
[GenerateSerializer, Alias("obatch.CrossTenantCallException")]
public sealed class CrossTenantCallException(string message) : Exception(message);
