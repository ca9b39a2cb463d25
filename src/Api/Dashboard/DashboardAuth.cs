using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using OrleansBatch.Api.Security;

namespace OrleansBatch.Api.Dashboard;

/// <summary>
/// The dashboard's sign-in: a cookie holding the claims of the API key the person signed in with (never the
/// key itself), encrypted by ASP.NET Core data protection, HttpOnly, Secure, SameSite=Strict, and re-checked
/// on every request (a revoked key or a changed admin key ends the session at once). The REST API never
/// accepts this cookie: its routes authenticate with the API key scheme only.
/// </summary>
internal static class DashboardAuth
{
    public const string Scheme = "Dashboard";
    public const string Policy = "dashboard";
    public const string PlatformPolicy = "dashboard-platform";
    public const string CookieName = "__Host-obatch-dashboard";

    public static void AddCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = DashboardPaths.SignIn;
        options.AccessDeniedPath = DashboardPaths.SignIn;
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = async context =>
        {
            var verifier = context.HttpContext.RequestServices.GetRequiredService<ApiKeyVerifier>();
            if (context.Principal is null || !await verifier.IsStillValidAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        options.AddPolicy(PlatformPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole));
    }
}
