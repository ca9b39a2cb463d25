using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Compat;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>Batch endpoints: PUT (create or overwrite, body as <c>endpoint.yml</c>), PATCH (JSON merge patch), GET, list, DELETE.</summary>
public static class EndpointsApi
{
    public static IEndpointRouteBuilder MapEndpointsApi(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/v1/endpoints").WithTags("Endpoints").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        endpoints.MapGet("", ListAsync).WithName("ListEndpoints");
        endpoints.MapGet("/{name}", GetAsync).WithName("GetEndpoint");
        endpoints.MapPut("/{name}", PutAsync).WithName("PutEndpoint").RequireAuthorization(AccessPolicies.Contributor)
            .Accepts<EndpointRequest>("application/json", "application/yaml", "*/*");
        endpoints.MapPatch("/{name}", PatchAsync).WithName("PatchEndpoint").RequireAuthorization(AccessPolicies.Contributor)
            .Accepts<EndpointRequest>("application/merge-patch+json", "application/json", "*/*");
        endpoints.MapDelete("/{name}", DeleteAsync).WithName("DeleteEndpoint").RequireAuthorization(AccessPolicies.Contributor);
        return app;
    }

    private static async Task<Results<Created<EndpointResponse>, Ok<EndpointResponse>>> PutAsync(
        HttpContext context, TenantCaller caller, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        name = ResourceName.Normalize(name);
        var ifMatch = ETags.IfMatch(context.Request);
        var raw = await RequestBody.ReadObjectAsync(context.Request, cancellationToken);
        AzureYaml.NormalizeTags(raw);
        var body = RequestBody.Bind<EndpointRequest>(raw);
        if (body.Name is not null && !string.Equals(body.Name, name, StringComparison.OrdinalIgnoreCase))
            throw DomainException.Validation("name", $"'{body.Name}' differs from the endpoint name '{name}' in the URL.");
        var definition = new EndpointDefinition(body.Description, body.Tags, body.AuthMode, body.Defaults is not null, body.Defaults?.DeploymentName);
        var (endpoint, created) = await grains.Endpoint(caller.Tenant, name).PutAsync(definition, ifMatch);
        ETags.Set(context, endpoint.Version);
        var response = Responses.Endpoint(endpoint, context.Request);
        return created ? TypedResults.Created($"/v1/endpoints/{name}", response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<EndpointResponse>> PatchAsync(HttpContext context, TenantCaller caller, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        name = ResourceName.Normalize(name);
        var ifMatch = ETags.IfMatch(context.Request);
        var patch = await RequestBody.ReadObjectAsync(context.Request, cancellationToken);
        StrictBody.Check(patch, BodyShape.Of(typeof(EndpointRequest)));
        AzureYaml.NormalizeTags(patch);
        var endpoint = await grains.Endpoint(caller.Tenant, name).PatchAsync(patch.ToJsonString(), ifMatch);
        ETags.Set(context, endpoint.Version);
        return TypedResults.Ok(Responses.Endpoint(endpoint, context.Request));
    }

    private static async Task<Ok<EndpointResponse>> GetAsync(HttpContext context, TenantCaller caller, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var endpoint = await grains.Endpoint(caller.Tenant, ResourceName.Normalize(name)).GetAsync();
        ETags.Set(context, endpoint.Version);
        return TypedResults.Ok(Responses.Endpoint(endpoint, context.Request));
    }

    private static async Task<Ok<ListResponse<EndpointResponse>>> ListAsync(HttpContext context, TenantCaller caller, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Catalog(caller.Tenant).ListEndpointsAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, e => Responses.Endpoint(e, context.Request), query, context.Request));
    }

    private static async Task<NoContent> DeleteAsync(HttpContext context, TenantCaller caller, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await grains.Endpoint(caller.Tenant, ResourceName.Normalize(name)).DeleteAsync(ETags.IfMatch(context.Request));
        return TypedResults.NoContent();
    }
}
