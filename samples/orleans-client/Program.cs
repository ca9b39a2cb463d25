using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.OrleansClient;
using OrleansBatch.Samples.OrleansClient;

// A .NET service in the cluster's network scoring a CSV through the Orleans client (see samples/README.md):
//   dotnet run --project samples/orleans-client -- [input.csv under the tenant's data root]
// Settings: OBATCH_TENANT (default contoso), OBATCH_GATEWAY_PORT (default 30000), or for a cluster
// OBATCH_PROVIDER=AzureStorage with OBATCH_STORAGE_CONNECTION_STRING and OBATCH_CLUSTER_ID.
var builder = Host.CreateApplicationBuilder(args);
// This console prints what it does itself; Orleans' own log would bury it.
builder.Logging.ClearProviders();
try
{
    builder.UseOrleansBatchClient(o => o.Tenant ??= "contoso");
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Cannot start: {e.Message}");
    return 2;
}

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"Cannot reach the platform's Orleans gateway: {e.Message} Start the platform with OBATCH_GATEWAY_PORT=30000 (or set this service's OBATCH_GATEWAY_PORT to the platform's).");
    return 3;
}

var batch = host.Services.GetRequiredService<IOrleansBatchClient>();
var input = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(".obatch", "data", batch.Tenant, "wine.csv"));
try
{
    // The endpoint and its deployment of the registered model (obatch model create --name wine-forest ...); a repeat changes nothing.
    await batch.Endpoints.CreateOrUpdateAsync("wine", new EndpointDefinition("Wine classes, scored from a .NET service", null, null, false, null));
    await batch.Deployments.CreateOrUpdateAsync("wine", "forest", new DeploymentDraft { Model = new ModelReference("wine-forest", null) });

    var (job, _) = await batch.Jobs.InvokeAsync(new JobInvocation("wine", [new JobInvocationInput(input, JobInvocationInput.UriFile)],
        Settings: new JobInvocationSettings(MiniBatchSize: "20 rows")));
    Console.WriteLine($"job {job.Name} invoked on {job.Endpoint}/{job.Deployment}@{job.DeploymentVersion} for tenant {batch.Tenant}");
    var done = await batch.Jobs.WaitForCompletionAsync(job.Name, new JobProgressPrinter(Console.Out));
    if (done.Status != "Completed")
    {
        Console.Error.WriteLine($"job {done.Name} {done.Status}: {done.Error?.Code} {done.Error?.Message}");
        return 1;
    }
    Console.WriteLine($"output: {done.Output} ({done.Progress.RowsWritten} rows)");
    var local = Path.GetFullPath("wine-predictions.csv");
    await using (var file = File.Create(local))
        await batch.Jobs.DownloadOutputAsync(job.Name, file);
    Console.WriteLine($"downloaded to {local}:");
    foreach (var line in File.ReadLines(local).Take(3))
        Console.WriteLine("  " + line);
    return 0;
}
catch (DomainException e)
{
    Console.Error.WriteLine($"{e.Code} ({e.Status}): {e.Message}");
    return 1;
}
