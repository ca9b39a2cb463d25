namespace OrleansBatch.Client.Jobs;

/// <summary>Where a job writes: a folder of the tenant's outputs (or <c>azureml://datastores/x/paths/p</c>) and a file name.</summary>
public sealed record BatchJobOutput(string? Path = null, string? FileName = null);
