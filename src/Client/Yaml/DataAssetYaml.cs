using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Yaml;

/// <summary>A data asset's YAML: its name and version (if the file gives them) and what it points at.</summary>
public sealed record DataAssetYaml(string? Name, string? Version, DataVersionDefinition Definition);
