namespace OrleansBatch.Client.Jobs;

/// <summary>What to run when invoking an endpoint: the input, optionally the deployment (else the endpoint's default), the output, settings and the output policy.</summary>
public sealed record BatchJobInvocation
{
    public BatchJobInput? Input { get; init; }

    /// <summary>Named inputs, instead of <see cref="Input"/>.</summary>
    public IReadOnlyDictionary<string, BatchJobInput>? Inputs { get; init; }

    public string? DeploymentName { get; init; }

    public BatchJobOutput? Output { get; init; }

    public BatchJobSettings? Settings { get; init; }

    /// <summary><c>fail</c> (default: an existing output file is 400 OutputExists) or <c>overwrite</c>.</summary>
    public string? OutputPolicy { get; init; }
}
