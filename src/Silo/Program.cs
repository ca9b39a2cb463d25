using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Silo.Hosting;

// The silo host for scale-out: joins the cluster through the configured provider, heartbeats, runs
// mini-batch workers and job owners, and leaves cleanly on SIGTERM (Ctrl+C).
var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.AddSilo();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"The silo cannot start: {e.Message}");
    return 2;
}

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException or Azure.RequestFailedException or IOException)
{
    Console.Error.WriteLine($"The silo cannot start: {e.Message}");
    return 2;
}
var silo = host.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>();
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansBatch.Silo").LogInformation("Silo {SiloName} started at {Address}", silo.Name, silo.SiloAddress);
Console.WriteLine($"silo {silo.Name} started");
await host.WaitForShutdownAsync();
return 0;

// Declared so that the entry point stays internal: the ASP.NET Core framework (referenced for the telemetry
// instrumentation) would otherwise make it public, where it would clash with the gateway's Program. No XML doc: the
// gateway's OpenAPI comment cache keys types by name, and two documented Program types collide there.
internal partial class Program;
