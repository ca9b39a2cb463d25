namespace OrleansBatch.Client.Jobs;

/// <summary>Where a job writes (as given, a SAS never shown), the file's name, the policy for an existing file and the gateway path to download it from.</summary>
public sealed record BatchJobOutputInfo(string Path, string FileName, string OutputPolicy, string Download);
