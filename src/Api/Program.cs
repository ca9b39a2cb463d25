using OrleansBatch.Api.Apis;
using OrleansBatch.Api.Dashboard;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Jobs;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddGateway();
    builder.AddDashboard();
}
catch (InvalidOperationException e)
{
    // A bad provider setting (OBATCH_PROVIDER, OBATCH_STORAGE_CONNECTION_STRING): say what to fix, no stack trace.
    Console.Error.WriteLine($"The gateway cannot start: {e.Message}");
    return 2;
}

var app = builder.Build();
app.UseGateway();
app.MapHealthApi();
app.MapPlatformApi();
app.MapModelsApi();
app.MapDataApi();
app.MapUploadsApi();
app.MapEndpointsApi();
app.MapDeploymentsApi();
app.MapJobsApi();
app.MapDashboard();
try
{
    app.Run();
}
catch (InvalidOperationException e) when (e.Message.Contains("OBATCH_", StringComparison.Ordinal))
{
    // A setting or the data directory stops the start: say what to fix, no stack trace.
    Console.Error.WriteLine($"The gateway cannot start: {e.Message}");
    return 2;
}
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
