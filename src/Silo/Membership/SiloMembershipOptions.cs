namespace OrleansBatch.Silo.Membership;

/// <summary>Heartbeat timing of cluster membership.</summary>
public sealed class SiloMembershipOptions
{
    /// <summary>How often a silo writes its membership row.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo whose last heartbeat is older than this is reported Dead.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(30);
}
