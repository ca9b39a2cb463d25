using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Membership;

/// <summary>Writes this silo's membership row every heartbeat period with status Active, and ShuttingDown when the host stops.</summary>
public sealed partial class SiloHeartbeat(
    IMembershipStore membership, SiloIdentity identity, IOptions<SiloMembershipOptions> options, TimeProvider time, ILogger<SiloHeartbeat> logger)
    : BackgroundService
{
    /// <summary>Writes the first beat before the host reports started, so the silo is a member from then on.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(SiloStatus.Active, cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await WriteAsync(identity.ShuttingDown ? SiloStatus.ShuttingDown : SiloStatus.Active, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed beat is not fatal: the next one may succeed before readers call this silo dead.
                LogHeartbeatFailed(logger, e, identity.Id);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHeartbeatFailed(logger, e, identity.Id);
        }
    }

    private Task WriteAsync(SiloStatus status, CancellationToken cancellationToken) =>
        membership.UpsertAsync(new SiloInfo(identity.Id, identity.Address, status, identity.StartedAt, time.GetUtcNow(), identity.ActiveMiniBatches), cancellationToken);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Silo {SiloId} could not write its heartbeat")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string siloId);
}
