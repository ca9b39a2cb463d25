using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Silo.Limits;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>
/// <c>POST /v1/uploads</c>: multipart <c>file</c> parts stored under the tenant; answers <c>upload://&lt;id&gt;/</c> for job inputs.
/// <c>DELETE /v1/uploads/{id}</c> removes one (a job that already read it keeps its results).
/// </summary>
public static class UploadsApi
{
    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup("/v1/uploads").WithTags("Uploads").WithProblemResponses().RequireAuthorization(AccessPolicies.Contributor);
        uploads.MapPost("", UploadAsync).WithName("Upload").DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data", "*/*");
        uploads.MapDelete("/{id}", DeleteAsync).WithName("DeleteUpload");
        return app;
    }

    /// <summary>Deletes every file of upload <paramref name="id"/>; 404 <c>UploadNotFound</c> when it has none (or is another tenant's).</summary>
    private static async Task<NoContent> DeleteAsync(TenantCaller caller, string id, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        if (!ArtifactPaths.TryResolveUpload(caller.Tenant, ArtifactPaths.UploadScheme + id + "/", out var folder))
            throw DomainException.NotFound("UploadNotFound", $"Upload '{id}' does not exist.");
        var deleted = 0;
        await foreach (var file in artifacts.ListAsync(folder, cancellationToken))
        {
            await artifacts.DeleteAsync(file.Path, cancellationToken);
            deleted++;
        }
        return deleted > 0 ? TypedResults.NoContent() : throw DomainException.NotFound("UploadNotFound", $"Upload '{id}' does not exist.");
    }

    private static async Task<Created<UploadResponse>> UploadAsync(
        HttpContext context, TenantCaller caller, IArtifactStore artifacts, TenantQuotas quotas, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = ArtifactPaths.UploadFolder(caller.Tenant, id);
        var files = new List<FileResponse>();
        var stored = await quotas.StoredBytesAsync(caller.Tenant, cancellationToken);
        quotas.RequireStorage(stored, context.Request.ContentLength ?? 0);
        try
        {
            await MultipartBody.ReadAsync(context.Request, async (name, content) =>
            {
                await artifacts.WriteAsync(folder + name, content, overwrite: false, cancellationToken);
                var info = await artifacts.GetInfoAsync(folder + name, cancellationToken);
                files.Add(new FileResponse(name, info?.Length ?? 0));
                quotas.RequireStorage(stored, files.Sum(f => f.Length));
            }, cancellationToken);
        }
        catch
        {
            // A failed upload leaves nothing behind (the id is never returned).
            await foreach (var file in artifacts.ListAsync(folder, CancellationToken.None))
                await artifacts.DeleteAsync(file.Path, CancellationToken.None);
            throw;
        }
        var path = $"{ArtifactPaths.UploadScheme}{id}/";
        return TypedResults.Created((string?)null, new UploadResponse(path, files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList()));
    }
}
