namespace OrleansBatch.Api.Contracts;

/// <summary>One step of a pipeline deployment, its model pinned.</summary>
public sealed record PipelineStepResponse(ModelReferenceResponse Model);
