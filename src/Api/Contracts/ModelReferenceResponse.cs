namespace OrleansBatch.Api.Contracts;

/// <summary>A model pinned by a deployment version.</summary>
public sealed record ModelReferenceResponse(string Name, int Version);
