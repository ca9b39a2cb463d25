using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Api.Compat;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>Deployments of an endpoint: PUT (body as <c>deployment.yml</c>; a new immutable version per change), GET, versions, list, DELETE.</summary>
public static class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var deployments = app.MapGroup("/v1/endpoints/{endpoint}/deployments").WithTags("Deployments").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        deployments.MapGet("", ListAsync).WithName("ListDeployments");
        deployments.MapGet("/{name}", GetAsync).WithName("GetDeployment");
        deployments.MapGet("/{name}/versions", ListVersionsAsync).WithName("ListDeploymentVersions");
        deployments.MapGet("/{name}/versions/{version}", GetVersionAsync).WithName("GetDeploymentVersion");
        deployments.MapPut("/{name}", PutAsync).WithName("PutDeployment").RequireAuthorization(AccessPolicies.Contributor)
            .Accepts<DeploymentRequest>("application/json", "application/yaml", "*/*");
        deployments.MapDelete("/{name}", DeleteAsync).WithName("DeleteDeployment").RequireAuthorization(AccessPolicies.Contributor);
        return app;
    }

    private static async Task<Results<Created<DeploymentResponse>, Ok<DeploymentResponse>>> PutAsync(
        HttpContext context, TenantCaller caller, string endpoint, string name, IGrainFactory grains, ILogger<IDeploymentGrain> logger,
        CancellationToken cancellationToken)
    {
        endpoint = ResourceName.Normalize(endpoint, "endpoint");
        name = ResourceName.Normalize(name);
        var ifMatch = ETags.IfMatch(context.Request);
        var setDefault = DeploymentDrafts.SetDefault(context.Request);
        var raw = await RequestBody.ReadObjectAsync(context.Request, cancellationToken);
        AzureYaml.NormalizeDeployment(raw);
        var body = RequestBody.Bind<DeploymentRequest>(raw);
        var errors = new ValidationErrors();
        var draft = DeploymentDrafts.From(body, endpoint, name, errors);
        // Parse and field errors answer together, before any grain is called.
        draft.Validate(errors);
        var result = await grains.Deployment(caller.Tenant, endpoint, name).PutAsync(draft, setDefault, ifMatch);
        var state = result.Deployment.State;
        if (result.Changed)
            GatewayLog.DeploymentVersionCreated(logger, endpoint, name, state.Current.Version, caller.Tenant);
        ETags.Set(context, result.Deployment.Version);
        var response = Responses.Deployment(state);
        return result.Created ? TypedResults.Created($"/v1/endpoints/{endpoint}/deployments/{name}", response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<DeploymentResponse>> GetAsync(
        HttpContext context, TenantCaller caller, string endpoint, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var deployment = await grains.Deployment(caller.Tenant, ResourceName.Normalize(endpoint, "endpoint"), ResourceName.Normalize(name)).GetAsync();
        ETags.Set(context, deployment.Version);
        return TypedResults.Ok(Responses.Deployment(deployment.State));
    }

    private static async Task<Ok<ListResponse<DeploymentResponse>>> ListVersionsAsync(
        HttpContext context, TenantCaller caller, string endpoint, string name, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var state = (await grains.Deployment(caller.Tenant, ResourceName.Normalize(endpoint, "endpoint"), ResourceName.Normalize(name)).GetAsync()).State;
        var page = Page<DeploymentVersion>.Of(state.Versions, query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, v => Responses.Deployment(state, v), query, context.Request));
    }

    private static async Task<Ok<DeploymentResponse>> GetVersionAsync(
        HttpContext context, TenantCaller caller, string endpoint, string name, string version, IGrainFactory grains, CancellationToken cancellationToken)
    {
        endpoint = ResourceName.Normalize(endpoint, "endpoint");
        name = ResourceName.Normalize(name);
        var deployment = grains.Deployment(caller.Tenant, endpoint, name);
        var state = (await deployment.GetAsync()).State;
        var pinned = await deployment.GetVersionAsync(VersionLabel.Parse(version));
        ETags.Set(context, pinned.Version);
        return TypedResults.Ok(Responses.Deployment(state, pinned));
    }

    private static async Task<Ok<ListResponse<DeploymentResponse>>> ListAsync(
        HttpContext context, TenantCaller caller, string endpoint, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Catalog(caller.Tenant).ListDeploymentsAsync(ResourceName.Normalize(endpoint, "endpoint"), query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, d => Responses.Deployment(d.State), query, context.Request));
    }

    private static async Task<NoContent> DeleteAsync(
        HttpContext context, TenantCaller caller, string endpoint, string name, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await grains.Deployment(caller.Tenant, ResourceName.Normalize(endpoint, "endpoint"), ResourceName.Normalize(name)).DeleteAsync(ETags.IfMatch(context.Request));
        return TypedResults.NoContent();
    }
}
