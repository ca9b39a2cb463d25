namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// A queue message: everything a worker in any silo needs to score one mini-batch, so it never reads the
/// (possibly large) job state.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.MiniBatchWork")]
public sealed record MiniBatchWork(
    string Tenant,
    string Job,
    int Index,
    string Endpoint,
    string Deployment,
    int DeploymentVersion,
    string DeploymentType,
    IReadOnlyList<JobModelStep> Steps,
    IReadOnlyList<MiniBatchWorkSlice> Slices,
    int MaxRetries,
    int TimeoutSeconds,
    bool LogsDebug,
    IReadOnlyList<string>? InputColumns = null,
    IReadOnlyList<string>? PassthroughColumns = null,
    Abstractions.Deployments.ImageSettings? Image = null);
