using OrleansBatch.Api.Apis;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

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
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
