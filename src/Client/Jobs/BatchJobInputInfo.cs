namespace OrleansBatch.Client.Jobs;

/// <summary>A job's input as it was given (<c>uri_file</c> or <c>uri_folder</c> and its path; a SAS is never shown) and how many files it resolved to.</summary>
public sealed record BatchJobInputInfo(string Type, string Path, int Files);
