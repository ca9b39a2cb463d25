using Orleans;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;
using OrleansBatch.Api.Assets;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Jobs;
using OrleansBatch.Api.Security;
using OrleansBatch.Silo;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Telemetry;
using Scalar.AspNetCore;

namespace OrleansBatch.Api.Hosting;

/// <summary>The gateway's services and middleware, so that Program.cs stays short.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>
    /// Adds the gateway (options from configuration, JSON, problem details, API key auth, OpenAPI, telemetry)
    /// the provider chosen by <c>OBATCH_PROVIDER</c> and, unless <c>OBATCH_EMBEDDED_SILO=false</c>, an embedded silo.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().Configure<IConfiguration>((options, configuration) => GatewayOptions.Bind(options, configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        // Kestrel's own limit is the upload limit; JSON routes lower it per request (RequestBody).
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = new GatewayOptions();
            GatewayOptions.Bind(options, context.Configuration);
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddOpenApi();

        services.AddAuthentication(ApiKeyClaims.Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyClaims.Scheme, null);
        services.AddAuthorization(AccessPolicies.Add);

        services.AddSingleton<PlatformAdminKey>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ModelRegistration>();
        services.AddSingleton<ModelDeletion>();
        services.AddHostedService<GatewayStartup>();
        services.AddOrleansBatchTelemetry(builder.Configuration, "orleans-batch-gateway");

        var runsSilo = services.AddEmbeddedSilo(builder.Configuration, sp => sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory);
        var provider = SiloProviderServiceCollectionExtensions.Read(builder.Configuration);
        if (runsSilo)
            builder.Host.UseOrleans(silo => silo.UseOrleansBatch(provider, builder.Configuration));
        else
            builder.Host.UseOrleansClient(client => client.UseOrleansBatchCluster(provider, builder.Configuration));
        services.AddJobsGateway();
        return builder;
    }

    /// <summary>Middleware in order: problem details for errors and bare status codes, auth. (HTTP metrics and traces are ASP.NET Core's own, through OpenTelemetry.)</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // Grain calls of this request act for its tenant (or the platform admin): the silos' tenant filter checks it.
        app.Use((context, next) =>
        {
            if (context.User.FindFirst(ApiKeyClaims.Tenant)?.Value is { } tenant)
                TenantContext.Set(tenant);
            else if (context.User.FindFirst(ApiKeyClaims.Role)?.Value == ApiKeyClaims.PlatformRole)
                TenantContext.Set(TenantContext.Platform);
            return next(context);
        });
        app.UseAuthorization();
        app.MapOpenApi();
        // The API reference UI over the document above (/openapi/v1.json), served from the package (no CDN).
        app.MapScalarApiReference("/openapi", options => options.WithTitle("OrleansBatch API"));
        return app;
    }
}
