using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansBatch.Api.Http;

namespace OrleansBatch.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>api-key: &lt;key&gt;</c>: the platform admin key,
/// or a tenant key looked up by the tenant and key id inside it (read on every request, so a revoked key
/// stops working at once). Answers 401 and 403 as problem+json.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
            return AuthenticateResult.NoResult();
        var (claims, failure) = await verifier.VerifyAsync(key, Context.RequestAborted).ConfigureAwait(false);
        return claims is null
            ? AuthenticateResult.Fail(failure!)
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyClaims.Scheme)), ApiKeyClaims.Scheme));
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

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        var apiKey = request.Headers["api-key"].ToString().Trim();
        return apiKey.Length > 0 ? apiKey : null;
    }
}
