using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>An invoke request, whichever body form it came in (this API's or Azure ML's).</summary>
public sealed record InvokeBody(
    string? DeploymentName,
    IReadOnlyList<InvokeInput> Inputs,
    string? OutputPath,
    string? OutputFileName,
    OutputPolicy OutputPolicy,
    JobSettingsOverrides? Settings);
