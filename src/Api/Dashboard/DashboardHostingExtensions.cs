using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using OrleansBatch.Api.Dashboard.Components;
using Orleans.Dashboard;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Silo;

namespace OrleansBatch.Api.Dashboard;

/// <summary>
/// The web dashboard under <c>/dashboard</c>: Razor components rendered on the server (static SSR, no
/// circuit), live updates by server-sent events, a cookie sign-in with an API key, antiforgery on every form.
/// </summary>
public static class DashboardHostingExtensions
{
    /// <summary>Adds the dashboard's services: Razor components, the sign-in cookie, antiforgery, data protection keys in the data directory.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddAuthentication().AddCookie(DashboardAuth.Scheme, DashboardAuth.AddCookie);
        services.AddAuthorization(DashboardAuth.AddPolicies);
        services.AddAntiforgery(options =>
        {
            // Not a secret (it only pairs with the form's token), so plain http on loopback may carry it.
            options.Cookie.Name = "obatch-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Keys that sign the cookies live with the installation's data, so a restart keeps people signed in.
        services.AddDataProtection().SetApplicationName("OrleansBatch");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<GatewayOptions>, ILoggerFactory>((keys, gateway, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(gateway.Value.DataDirectory, "dashboard-keys")), loggers));
        services.AddScoped<DashboardData>();

        // The Orleans Dashboard (grain-level statistics) joins the silo the gateway hosts, or its client of the cluster.
        if (string.Equals(builder.Configuration[EmbeddedSiloServiceCollectionExtensions.EmbeddedSiloKey]?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            builder.Host.UseOrleansClient(client => client.AddDashboard());
        else
            builder.Host.UseOrleans(silo => silo.AddDashboard());
        return builder;
    }

    /// <summary>
    /// Maps the dashboard: pages, server-sent events, downloads, sign-out, its two static files, and <c>/</c> redirecting to it.
    /// Call after <c>UseGateway</c> (antiforgery validation must follow authentication).
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DashboardPaths.Root) && !context.Request.Path.StartsWithSegments(DashboardPaths.Orleans))
            {
                // Only the dashboard's own script and styles (the progress bars' widths are style attributes), never framed.
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
            }
            return next(context);
        });
        app.MapGet("/", () => Results.Redirect(DashboardPaths.Root)).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        DashboardEndpoints.Map(app);
        DashboardEvents.Map(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // The address to open, printed with the gateway's own start-up lines.
            if (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
                DashboardLog.Ready(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardHostingExtensions)), address.TrimEnd('/') + DashboardPaths.Root);
        });

        // Grain statistics for the platform admin, behind the same sign-in.
        app.MapOrleansDashboard(DashboardPaths.Orleans).RequireAuthorization(DashboardAuth.PlatformPolicy);
        return app;
    }
}
