namespace OrleansBatch.Silo.Jobs;

/// <summary>One input of an invoke as given: its name, <c>uri_file</c> or <c>uri_folder</c>, and its path or URI.</summary>
public sealed record InvokeInput(string Name, string Type, string Path, string Field);
