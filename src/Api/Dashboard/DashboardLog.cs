namespace OrleansBatch.Api.Dashboard;

/// <summary>The dashboard's log messages (source-generated); event ids 1100-1199.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Dashboard page failed in {Method} {Path}")]
    public static partial void PageFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Dashboard sign-in as {Role} of tenant {TenantId}")]
    public static partial void SignedIn(ILogger logger, string role, string tenantId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Dashboard sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Dashboard at {Url} (sign in with an API key)")]
    public static partial void Ready(ILogger logger, string url);
}
