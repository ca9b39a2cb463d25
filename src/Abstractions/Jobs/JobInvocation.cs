namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// An invocation of a batch endpoint by an Orleans client, the same request as <c>POST /v1/endpoints/{endpoint}/jobs</c>.
/// </summary>
/// <param name="Endpoint">The endpoint to invoke.</param>
/// <param name="Inputs">The job's inputs (at least one).</param>
/// <param name="Deployment">The deployment to run; null runs the endpoint's default.</param>
/// <param name="Output">Where to write; null writes into the job's own folder.</param>
/// <param name="Settings">Per-job overrides of the deployment's settings; null keeps them all.</param>
/// <param name="IdempotencyKey">The same key within 24 h returns the job it created and creates no second one.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobInvocation")]
public sealed record JobInvocation(
    string Endpoint,
    IReadOnlyList<JobInvocationInput> Inputs,
    string? Deployment = null,
    JobInvocationOutput? Output = null,
    JobInvocationSettings? Settings = null,
    string? IdempotencyKey = null);
