namespace OrleansBatch.Abstractions.Models;

/// <summary>A file of a model version: its name and where the artifact store keeps it.</summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelFile")]
public sealed record ModelFile(string Name, string Path, long Length);
