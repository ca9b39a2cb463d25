using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Dashboard.Components;

/// <summary>
/// Base of the dashboard's pages: the signed-in user, the data adapter, and one way to run a call that may fail:
/// a <see cref="DomainException"/> shows its message (the REST API's <c>detail</c>) with its status; anything else
/// is logged and shown as a generic message, never a stack trace.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    internal DashboardData Data { get; set; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; set; } = default!;

    [Inject]
    internal ILogger<DashboardPage> Logger { get; set; } = default!;

    /// <summary>The message of the last failed call, shown by the page in an alert.</summary>
    protected string? Problem { get; set; }

    internal DashboardUser CurrentUser => DashboardUser.Of(HttpContext.User);

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Runs <paramref name="action"/>; false (with <see cref="Problem"/> set and the response status) when it failed.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            Fail(e.Status, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !Aborted.IsCancellationRequested)
        {
            DashboardLog.PageFailed(Logger, e, HttpContext.Request.Method, HttpContext.Request.Path);
            Fail(StatusCodes.Status500InternalServerError, "The server failed to process the request; the error was logged. Try again later.");
        }
        return false;
    }

    /// <summary>Tenant pages: false (with a message) for the platform admin, whose key has no tenant.</summary>
    protected bool RequireTenant()
    {
        if (!CurrentUser.IsPlatformAdmin)
            return true;
        Fail(StatusCodes.Status403Forbidden, "The platform admin key manages tenants and the cluster; sign in with a tenant API key to see this tenant's resources.");
        return false;
    }

    /// <summary>Changes (invoke, cancel, switch default, upload): false (with a message) unless the key is a contributor's or an admin's.</summary>
    protected bool RequireContributor()
    {
        if (CurrentUser.CanContribute)
            return true;
        Fail(StatusCodes.Status403Forbidden, $"This API key's role '{CurrentUser.RoleName}' may only read; sign in with a contributor or admin key to make changes.");
        return false;
    }

    /// <summary>Platform pages: false (with a message) unless signed in with the platform admin key.</summary>
    protected bool RequirePlatformAdmin()
    {
        if (CurrentUser.IsPlatformAdmin)
            return true;
        Fail(StatusCodes.Status403Forbidden, "Only the platform admin key sees tenants and the cluster.");
        return false;
    }

    /// <summary>A form's field, trimmed; null when absent or blank.</summary>
    protected string? Field(string name) =>
        HttpContext.Request.HasFormContentType && HttpContext.Request.Form[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    /// <summary>Shows <paramref name="message"/> in the page's alert and answers <paramref name="status"/>.</summary>
    protected void Fail(int status, string message)
    {
        Problem = message;
        var response = HttpContext.Response;
        if (response.HasStarted)
            return;
        // The page shows the message itself, so the gateway's problem+json status pages stay out of the way; and the
        // status is set as the response starts, because static rendering leaves a 404's body empty (for re-execution).
        if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
