namespace OrleansBatch.Grains.Domain.Models;

/// <summary>A file of a model version: its name and where the artifact store keeps it.</summary>
public sealed record ModelFile(string Name, string Path, long Length);
