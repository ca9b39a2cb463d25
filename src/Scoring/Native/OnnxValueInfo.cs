namespace OrleansBatch.Scoring.Native;

/// <summary>A model input or output: its name and type.</summary>
internal sealed record OnnxValueInfo(string Name, OrtTypeDescription Type);
