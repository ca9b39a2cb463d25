using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Apis;

/// <summary>Platform administration: tenants, tenant API keys and the cluster view.</summary>
public static class PlatformApi
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/v1/tenants").WithTags("Platform").WithProblemResponses().RequireAuthorization(AccessPolicies.Platform);
        tenants.MapPost("", CreateTenantAsync).WithName("CreateTenant").Accepts<TenantRequest>("application/json", "*/*");
        tenants.MapGet("", ListTenantsAsync).WithName("ListTenants");
        tenants.MapGet("/{tenant}", GetTenantAsync).WithName("GetTenant");

        var keys = app.MapGroup("/v1/tenants/{tenant}/keys").WithTags("Platform").WithProblemResponses().RequireAuthorization(AccessPolicies.KeyAdmin);
        keys.MapPost("", CreateKeyAsync).WithName("CreateApiKey").Accepts<ApiKeyRequest>("application/json", "*/*");
        keys.MapGet("", ListKeysAsync).WithName("ListApiKeys");
        keys.MapDelete("/{id}", RevokeKeyAsync).WithName("RevokeApiKey");

        app.MapGet("/v1/cluster", GetClusterAsync).WithName("GetCluster").WithTags("Platform").RequireAuthorization(AccessPolicies.Platform);
        return app;
    }

    private static async Task<Created<TenantResponse>> CreateTenantAsync(HttpContext context, IGrainFactory grains, ILogger<ITenantGrain> logger, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<TenantRequest>(context.Request, cancellationToken);
        var tenant = await grains.Tenant(ResourceName.Normalize(body.Name)).CreateAsync();
        GatewayLog.TenantCreated(logger, tenant.State.Name);
        ETags.Set(context, tenant.Version);
        return TypedResults.Created($"/v1/tenants/{tenant.State.Name}", Responses.Tenant(tenant));
    }

    private static async Task<Ok<ListResponse<TenantResponse>>> ListTenantsAsync(HttpContext context, ListQuery query, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await grains.Catalog(TenantContext.Platform).ListTenantsAsync(query.Top, query.Continuation);
        return TypedResults.Ok(Responses.List(page, Responses.Tenant, query, context.Request));
    }

    private static async Task<Ok<TenantResponse>> GetTenantAsync(HttpContext context, string tenant, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var found = await grains.Tenant(ResourceName.Normalize(tenant, "tenant")).GetAsync();
        ETags.Set(context, found.Version);
        return TypedResults.Ok(Responses.Tenant(found));
    }

    private static async Task<Created<ApiKeyResponse>> CreateKeyAsync(HttpContext context, string tenant, IGrainFactory grains, ILogger<ITenantGrain> logger, CancellationToken cancellationToken)
    {
        tenant = TenantInScope(context, tenant);
        var body = await RequestBody.ReadAsync<ApiKeyRequest>(context.Request, cancellationToken);
        // Exactly one role by name: Enum.TryParse would read "Reader, Contributor" as the flags 1|2, which is Admin.
        var role = body.Role?.Trim().ToLowerInvariant() switch
        {
            "reader" => TenantRole.Reader,
            "contributor" => TenantRole.Contributor,
            "admin" => TenantRole.Admin,
            _ => throw DomainException.Validation("role", $"'{body.Role}' is not a role; use exactly one of reader, contributor or admin."),
        };
        var issued = ApiKeySecret.Issue(tenant);
        var key = await grains.Tenant(tenant).AddKeyAsync(issued.Id, issued.Hash, role);
        GatewayLog.ApiKeyIssued(logger, key.Id, role.ToString().ToLowerInvariant(), tenant);
        return TypedResults.Created($"/v1/tenants/{tenant}/keys/{key.Id}", Responses.Key(tenant, key, issued.Key));
    }

    private static async Task<Ok<ListResponse<ApiKeyResponse>>> ListKeysAsync(HttpContext context, string tenant, IGrainFactory grains, CancellationToken cancellationToken)
    {
        tenant = TenantInScope(context, tenant);
        var found = await grains.Tenant(tenant).GetAsync();
        return TypedResults.Ok(new ListResponse<ApiKeyResponse>(found.State.Keys.Select(k => Responses.Key(tenant, k)).ToList(), null));
    }

    private static async Task<NoContent> RevokeKeyAsync(HttpContext context, string tenant, string id, IGrainFactory grains, ILogger<ITenantGrain> logger, CancellationToken cancellationToken)
    {
        tenant = TenantInScope(context, tenant);
        await grains.Tenant(tenant).RevokeKeyAsync(id);
        GatewayLog.ApiKeyRevoked(logger, id, tenant);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ClusterResponse>> GetClusterAsync(ClusterView cluster)
    {
        var silos = await cluster.ListAsync();
        return TypedResults.Ok(new ClusterResponse(silos.Select(Responses.Silo).ToList()));
    }

    /// <summary>A tenant admin manages only its own tenant's keys; any other tenant answers 404, as if it did not exist.</summary>
    private static string TenantInScope(HttpContext context, string tenant)
    {
        var name = ResourceName.Normalize(tenant, "tenant");
        var own = context.User.FindFirst(ApiKeyClaims.Tenant)?.Value;
        if (own is not null && own != name)
            throw DomainException.NotFound("TenantNotFound", $"Tenant '{name}' does not exist.");
        return name;
    }
}
