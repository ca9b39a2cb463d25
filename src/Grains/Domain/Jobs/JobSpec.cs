using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// What a job does, resolved once at invoke and immutable after: the deployment pinned at a version
/// (so switching the endpoint's default later never alters this job), the model steps (one for
/// <c>type: model</c>, several in order for <c>type: pipeline</c>), inputs, output and effective settings.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobSpec")]
public sealed record JobSpec(
    string Endpoint,
    string Deployment,
    int DeploymentVersion,
    string DeploymentType,
    IReadOnlyList<JobModelStep> Steps,
    IReadOnlyList<JobInput> Inputs,
    JobOutput Output,
    JobSettings Settings)
{
    /// <summary>Every input file across inputs, in the order the output lists them.</summary>
    public IReadOnlyList<JobInputFile> Files() => Inputs.SelectMany(i => i.Files).ToList();
}
