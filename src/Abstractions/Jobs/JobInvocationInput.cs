namespace OrleansBatch.Abstractions.Jobs;

/// <summary>One input of a job.</summary>
/// <param name="Path">
/// <c>upload://&lt;id&gt;/</c>, <c>azureml:&lt;data&gt;:&lt;version&gt;</c> (or <c>@latest</c>), an <c>https://</c> blob URL,
/// or a path under the tenant's data roots (<c>OBATCH_DATA_ROOTS</c>).
/// </param>
/// <param name="Type"><see cref="UriFile"/>, <see cref="UriFolder"/>, or null: whatever the path turns out to be.</param>
/// <param name="Name">The input's name (<c>input</c> for a model's single input).</param>
[GenerateSerializer, Immutable, Alias("obatch.JobInvocationInput")]
public sealed record JobInvocationInput(string Path, string? Type = null, string Name = "input")
{
    public const string UriFile = "uri_file";
    public const string UriFolder = "uri_folder";
}
