using Orleans;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>api-key: &lt;key&gt;</c>: the platform admin key,
/// or a tenant key looked up by the tenant and key id inside it (read on every request, so a revoked key
/// stops working at once). Answers 401 and 403 as problem+json.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformAdminKey adminKey, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
            return AuthenticateResult.NoResult();
        if (adminKey.Matches(key))
            return Success(new Claim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole));
        if (!ApiKeySecret.TryParse(key, out var tenant, out var keyId))
            return AuthenticateResult.Fail("Malformed API key.");
        // The key check acts for the platform: the caller's tenant is not known until the key matches.
        TenantContext.Set(TenantContext.Platform);
        var record = await grains.Tenant(tenant).FindActiveKeyAsync(keyId).ConfigureAwait(false);
        if (record is null || !ApiKeySecret.Matches(key, record.Hash))
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        return Success(
            new Claim(ApiKeyClaims.Tenant, tenant),
            new Claim(ApiKeyClaims.Role, record.Role.ToString().ToLowerInvariant()),
            new Claim(ApiKeyClaims.KeyId, record.Id));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var missing = ReadKey(Request) is null;
        return WriteAsync(401, ProblemCodes.Unauthorized, missing
            ? "An API key is required: send 'Authorization: Bearer <key>' or 'api-key: <key>'."
            : "The API key is not valid (unknown, revoked or mistyped).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ApiKeyClaims.Role)?.Value;
        return WriteAsync(403, ProblemCodes.Forbidden, role == ApiKeyClaims.PlatformRole
            ? "The platform admin key manages tenants; use a tenant API key for tenant resources."
            : $"This API key's role '{role}' does not allow this operation; use a key with a higher role (reader < contributor < admin).");
    }

    private Task WriteAsync(int status, string code, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = Problems.Create(status, code, detail) }).AsTask();
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyClaims.Scheme)), ApiKeyClaims.Scheme));

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        var apiKey = request.Headers["api-key"].ToString().Trim();
        return apiKey.Length > 0 ? apiKey : null;
    }
}
