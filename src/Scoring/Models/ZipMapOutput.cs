namespace OrleansBatch.Scoring.Models;

/// <summary>A graph output that was a ZipMap over <see cref="TensorName"/>, now fetched as that [N,K] float tensor; its classes in column order.</summary>
internal sealed record ZipMapOutput(string OutputName, string TensorName, string[] Labels);
