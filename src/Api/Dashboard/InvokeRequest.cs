namespace OrleansBatch.Api.Dashboard;

/// <summary>
/// The dashboard's invoke form: the deployment (null: the endpoint's default), one input (an uploaded file
/// already stored as <c>upload://</c>, a data asset reference or a path under the data roots) and the common overrides.
/// </summary>
internal sealed record InvokeRequest(
    string? Deployment,
    string InputType,
    string InputPath,
    string? MiniBatchSize,
    int? InstanceCount,
    int? MaxConcurrencyPerInstance,
    string? OutputFileName);
