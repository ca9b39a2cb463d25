namespace OrleansBatch.Abstractions.Jobs;

/// <summary>Where a job writes its output.</summary>
/// <param name="Path">
/// A relative folder of the tenant's outputs (<c>scores/run-1</c>), <c>azureml://datastores/&lt;store&gt;/paths/&lt;folder&gt;</c>,
/// or a blob container folder URL; null: the job's own folder.
/// </param>
/// <param name="FileName">The output file's name; null: the deployment's <c>output_file_name</c>.</param>
/// <param name="Overwrite">Replace an existing output file; false refuses it at invoke with <c>OutputExists</c>.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobInvocationOutput")]
public sealed record JobInvocationOutput(string? Path = null, string? FileName = null, bool Overwrite = false);
