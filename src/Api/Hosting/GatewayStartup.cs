using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Api.Hosting;

/// <summary>At start: makes sure the admin key exists (printing it when generated), and logs where the gateway listens.</summary>
internal sealed class GatewayStartup(
    PlatformAdminKey adminKey, IServer server, IHostApplicationLifetime lifetime, IOptions<GatewayOptions> options, ILogger<GatewayStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(adminKey);
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
            GatewayLog.Listening(logger, Environment.MachineName, address, options.Value.DataDirectory);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
