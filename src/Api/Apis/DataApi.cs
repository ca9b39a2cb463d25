using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Compat;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Data;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>Data assets: <c>POST /v1/data/{name}/versions</c> (<c>{type, path}</c>) and reads.</summary>
public static class DataApi
{
    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        var data = app.MapGroup("/v1/data").WithTags("Data").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        data.MapGet("", ListAsync).WithName("ListData");
        data.MapPost("/{name}/versions", CreateVersionAsync).WithName("CreateDataVersion")
            .RequireAuthorization(AccessPolicies.Contributor).Accepts<DataVersionRequest>("application/json", "application/yaml", "*/*");
        data.MapGet("/{name}/versions", ListVersionsAsync).WithName("ListDataVersions");
        data.MapGet("/{name}/versions/{version}", GetVersionAsync).WithName("GetDataVersion");
        return app;
    }

    private static async Task<Created<DataVersionResponse>> CreateVersionAsync(
        HttpContext context, TenantCaller caller, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        name = ResourceName.Normalize(name);
        var raw = await RequestBody.ReadObjectAsync(context.Request, cancellationToken);
        AzureYaml.NormalizeTags(raw);
        var body = RequestBody.Bind<DataVersionRequest>(raw);
        if (body.Name is not null && !string.Equals(body.Name, name, StringComparison.OrdinalIgnoreCase))
            throw DomainException.Validation("name", $"'{body.Name}' differs from the data asset name '{name}' in the URL.");
        var version = await grains.Data(caller.Tenant, name).AddVersionAsync(new DataDraft(body.Type?.ToLowerInvariant(), body.Path, body.Description, body.Tags));
        ETags.Set(context, version.Version);
        return TypedResults.Created($"/v1/data/{name}/versions/{version.Version}", Responses.Data(version));
    }

    private static async Task<Ok<ListResponse<AssetSummaryResponse>>> ListAsync(HttpContext context, TenantCaller caller, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Catalog(caller.Tenant).ListDataAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, Responses.Summary, query, context.Request));
    }

    private static async Task<Ok<ListResponse<DataVersionResponse>>> ListVersionsAsync(
        HttpContext context, TenantCaller caller, string name, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Data(caller.Tenant, ResourceName.Normalize(name)).ListVersionsAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, Responses.Data, query, context.Request));
    }

    private static async Task<Ok<DataVersionResponse>> GetVersionAsync(
        HttpContext context, TenantCaller caller, string name, string version, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var found = await grains.Data(caller.Tenant, ResourceName.Normalize(name)).GetVersionAsync(VersionLabel.Parse(version));
        ETags.Set(context, found.Version);
        return TypedResults.Ok(Responses.Data(found));
    }
}
