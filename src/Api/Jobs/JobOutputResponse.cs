namespace OrleansBatch.Api.Jobs;

/// <summary>Where the job writes, the policy for an existing file, and the URL to download it from.</summary>
public sealed record JobOutputResponse(string Path, string FileName, string OutputPolicy, string Download);
