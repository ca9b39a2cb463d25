using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Assets;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>Registered models: <c>POST /v1/models/{name}/versions</c> (multipart), reads, and <c>DELETE .../versions/{v}</c>.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/v1/models").WithTags("Models").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        models.MapGet("", ListAsync).WithName("ListModels");
        models.MapPost("/{name}/versions", RegisterAsync).WithName("RegisterModelVersion")
            .RequireAuthorization(AccessPolicies.Contributor).DisableAntiforgery().Accepts<IFormFileCollection>("multipart/form-data", "*/*");
        models.MapGet("/{name}/versions", ListVersionsAsync).WithName("ListModelVersions");
        models.MapGet("/{name}/versions/{version}", GetVersionAsync).WithName("GetModelVersion");
        models.MapDelete("/{name}/versions/{version}", DeleteVersionAsync).WithName("DeleteModelVersion").RequireAuthorization(AccessPolicies.Contributor);
        return app;
    }

    private static async Task<Created<ModelVersionResponse>> RegisterAsync(
        HttpContext context, TenantCaller caller, string name, ModelRegistration registration, ILogger<ModelRegistration> logger, CancellationToken cancellationToken)
    {
        name = ResourceName.Normalize(name);
        var model = await registration.RegisterAsync(caller.Tenant, name, context.Request, cancellationToken);
        GatewayLog.ModelRegistered(logger, name, model.Version, caller.Tenant);
        ETags.Set(context, model.Version);
        return TypedResults.Created($"/v1/models/{name}/versions/{model.Version}", Responses.Model(model));
    }

    private static async Task<Ok<ListResponse<AssetSummaryResponse>>> ListAsync(HttpContext context, TenantCaller caller, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Catalog(caller.Tenant).ListModelsAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, Responses.Summary, query, context.Request));
    }

    private static async Task<Ok<ListResponse<ModelVersionResponse>>> ListVersionsAsync(
        HttpContext context, TenantCaller caller, string name, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Model(caller.Tenant, ResourceName.Normalize(name)).ListVersionsAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, Responses.Model, query, context.Request));
    }

    /// <summary>204; 409 <c>ModelInUse</c> while a deployment version pins it. <c>latest</c> is not accepted: name the version.</summary>
    private static async Task<NoContent> DeleteVersionAsync(TenantCaller caller, string name, string version, ModelDeletion deletion, CancellationToken cancellationToken)
    {
        var number = VersionLabel.Parse(version) ?? throw DomainException.Validation("version", "name the version to delete (a number), not 'latest'.");
        await deletion.DeleteVersionAsync(caller.Tenant, ResourceName.Normalize(name), number, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ModelVersionResponse>> GetVersionAsync(
        HttpContext context, TenantCaller caller, string name, string version, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var model = await grains.Model(caller.Tenant, ResourceName.Normalize(name)).GetVersionAsync(VersionLabel.Parse(version));
        ETags.Set(context, model.Version);
        return TypedResults.Ok(Responses.Model(model));
    }
}
