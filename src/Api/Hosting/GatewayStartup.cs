using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OrleansBatch.Silo.Membership;

namespace OrleansBatch.Api.Hosting;

/// <summary>At start: makes sure the admin key exists, publishes the listening address as the silo's address, and prints where everything is (<see cref="FirstRunBanner"/>).</summary>
internal sealed class GatewayStartup(
    PlatformAdminKey adminKey, IServer server, IHostApplicationLifetime lifetime, SiloIdentity silo, IOptions<GatewayOptions> options, ILogger<GatewayStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(adminKey);
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is not null)
                silo.Address = address;
            GatewayLog.Listening(logger, silo.Id, silo.Address, options.Value.DataDirectory);
            if (address is not null)
                Console.WriteLine(FirstRunBanner.Text(address, adminKey, options.Value));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
