namespace OrleansBatch.Api.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone: a meter provider listens to every meter of its name in the process, and with the other
/// classes' gateways alive it would share its limit of metric streams (1,000) with their instruments. A deployed
/// process has one host, so only tests see this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
