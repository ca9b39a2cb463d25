using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Api.Hosting;

/// <summary>At start: makes sure the admin key exists, logs where the gateway listens and prints where everything is (<see cref="FirstRunBanner"/>).</summary>
internal sealed class GatewayStartup(
    PlatformAdminKey adminKey, IServer server, IHostApplicationLifetime lifetime, IOptions<GatewayOptions> options, ILogger<GatewayStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(adminKey);
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            GatewayLog.Listening(logger, Environment.MachineName, address ?? "(no address)", options.Value.DataDirectory);
            if (address is not null)
                Console.WriteLine(FirstRunBanner.Text(address, adminKey, options.Value));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
