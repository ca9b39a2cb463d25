namespace OrleansBatch.Api.Jobs;

/// <summary>A job input.</summary>
/// <param name="Type"><c>uri_file</c> or <c>uri_folder</c>; absent: whatever the path is.</param>
/// <param name="Path"><c>upload://&lt;id&gt;/</c>, <c>azureml:&lt;data&gt;:&lt;version&gt;</c>, an <c>https://</c> blob URL, or a path under the tenant's data roots.</param>
public sealed record InvokeInputRequest(string? Type, string Path);
