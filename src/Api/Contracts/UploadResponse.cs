namespace OrleansBatch.Api.Contracts;

/// <summary>Result of <c>POST /v1/uploads</c>: <c>path</c> (<c>upload://&lt;id&gt;/</c>) is usable as a job input path.</summary>
public sealed record UploadResponse(string Path, IReadOnlyList<FileResponse> Files);
