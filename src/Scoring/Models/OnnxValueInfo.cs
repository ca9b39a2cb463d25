namespace OrleansBatch.Scoring.Models;

/// <summary>A model input or output: its name and type.</summary>
internal sealed record OnnxValueInfo(string Name, OnnxTypeDescription Type);
