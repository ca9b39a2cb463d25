using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary><c>POST /v1/uploads</c>: multipart <c>file</c> parts stored under the tenant; answers <c>upload://&lt;id&gt;/</c> for job inputs.</summary>
public static class UploadsApi
{
    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup("/v1/uploads").WithTags("Uploads").WithProblemResponses().RequireAuthorization(AccessPolicies.Contributor);
        uploads.MapPost("", UploadAsync).WithName("Upload").DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data", "*/*");
        return app;
    }

    private static async Task<Created<UploadResponse>> UploadAsync(HttpContext context, TenantCaller caller, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = ArtifactPaths.UploadFolder(caller.Tenant, id);
        var files = new List<FileResponse>();
        try
        {
            await MultipartBody.ReadAsync(context.Request, async (name, content) =>
            {
                await artifacts.WriteAsync(folder + name, content, overwrite: false, cancellationToken);
                var info = await artifacts.GetInfoAsync(folder + name, cancellationToken);
                files.Add(new FileResponse(name, info?.Length ?? 0));
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
