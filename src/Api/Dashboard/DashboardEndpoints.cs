using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Dashboard;

/// <summary>The dashboard's routes that are not pages: sign-out, the output download and the stylesheet and script.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Authorized with the cookie, so the antiforgery token is checked against the signed-in user it was issued to.
        app.MapPost(DashboardPaths.SignOut, SignOutAsync).RequireAuthorization(DashboardAuth.Policy).ExcludeFromDescription();
        app.MapGet($"{DashboardPaths.Jobs}/{{name}}/output", DownloadAsync).RequireAuthorization(DashboardAuth.Policy).ExcludeFromDescription();
        app.MapGet("/dashboard/assets/{file}", Asset).ExcludeFromDescription();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest("The sign-out form has expired; reload the page and try again.");
        await context.SignOutAsync(DashboardAuth.Scheme);
        return Results.Redirect(DashboardPaths.SignIn);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string name, DashboardData data)
    {
        var user = DashboardUser.Of(context.User);
        if (user.IsPlatformAdmin)
            return Results.NotFound();
        try
        {
            var (content, fileName, contentType) = await data.OpenOutputAsync(user.TenantName, name, context.RequestAborted);
            return Results.File(content, contentType, fileName);
        }
        catch (DomainException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: e.Status);
        }
    }

    private static IResult Asset(string file)
    {
        var type = Path.GetExtension(file) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", _ => null };
        var stream = type is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream($"OrleansBatch.Api.Dashboard.Assets.{file}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
