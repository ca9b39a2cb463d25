namespace OrleansBatch.Api.Jobs;

/// <summary>An input as given, and how many files it resolved to.</summary>
public sealed record JobInputResponse(string Type, string Path, int Files);
