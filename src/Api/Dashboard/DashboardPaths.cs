namespace OrleansBatch.Api.Dashboard;

/// <summary>The dashboard's URLs, in one place (pages, redirects, server-sent events, downloads).</summary>
internal static class DashboardPaths
{
    public const string Root = "/dashboard";
    public const string SignIn = "/dashboard/signin";
    public const string SignOut = "/dashboard/signout";
    public const string Jobs = "/dashboard/jobs";
    public const string Endpoints = "/dashboard/endpoints";
    public const string Models = "/dashboard/models";
    public const string Data = "/dashboard/data";
    public const string Tenants = "/dashboard/tenants";
    public const string Cluster = "/dashboard/cluster";

    /// <summary>The Orleans Dashboard (grain statistics), for the platform admin.</summary>
    public const string Orleans = "/dashboard/orleans";

    public static string Job(string name) => $"{Jobs}/{Uri.EscapeDataString(name)}";

    public static string JobOutput(string name) => $"{Job(name)}/output";

    public static string JobEvents(string name) => $"{Root}/events/jobs/{Uri.EscapeDataString(name)}";

    public static string Endpoint(string name) => $"{Endpoints}/{Uri.EscapeDataString(name)}";

    public static string Model(string name) => $"{Models}/{Uri.EscapeDataString(name)}";

    public static string DataAsset(string name) => $"{Data}/{Uri.EscapeDataString(name)}";
}
