using OpenTelemetry.Trace;

namespace OrleansBatch.Silo.Telemetry;

/// <summary>
/// Decides for spans that would start a new trace: an outgoing call (HTTP or grain) or an incoming grain call with
/// nothing around it is the cluster's background (membership polling, timers, dashboard refreshes) and is dropped;
/// everything else starts a trace (a request to the gateway, a job without a stored context). Used as the root sampler
/// of a parent-based sampler, so a span inside a kept trace is always kept.
/// </summary>
public sealed class BackgroundRootSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Kind == System.Diagnostics.ActivityKind.Client)
            return Drop;
        if (samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key is "rpc.system" or "rpc.system.name" && tag.Value as string == "orleans")
                    return Drop;
            }
        }
        return Keep;
    }
}
