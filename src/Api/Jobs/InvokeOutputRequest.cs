namespace OrleansBatch.Api.Jobs;

/// <summary>A job's output location.</summary>
/// <param name="Path">A folder of the tenant's outputs, <c>azureml://datastores/&lt;store&gt;/paths/&lt;folder&gt;</c>, or a container folder URL.</param>
/// <param name="FileName">The output file's name (default <c>predictions.csv</c>).</param>
public sealed record InvokeOutputRequest(string? Path, string? FileName);
