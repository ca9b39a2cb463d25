using Microsoft.Extensions.Options;

namespace OrleansBatch.OrleansClient;

/// <summary>
/// Retries reaching the cluster's gateways at start-up for <see cref="OrleansBatchClientOptions.ConnectTimeout"/>, then gives
/// up so that the host's start fails with the connection error (Orleans' client otherwise retries forever: a service
/// pointed at the wrong port would hang without a word).
/// </summary>
internal sealed class GatewayConnectionRetry(IOptions<OrleansBatchClientOptions> options, TimeProvider time) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private long? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _firstFailure ??= time.GetTimestamp();
        if (time.GetElapsedTime(_firstFailure.Value) + Pause > options.Value.ConnectTimeout)
            return false;
        await Task.Delay(Pause, time, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
