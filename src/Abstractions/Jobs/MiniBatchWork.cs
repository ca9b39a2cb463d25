namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// Everything a worker in any silo needs to score one mini-batch, so it never reads the (possibly large) job state.
/// <paramref name="Resent"/> when the owner may have sent it before (a resumed owner, a silo gone, a long wait): the
/// worker then looks for its recorded result before scoring it again.
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
    Abstractions.Deployments.ImageSettings? Image = null,
    bool Resent = false);
