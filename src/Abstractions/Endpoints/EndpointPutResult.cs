namespace OrleansBatch.Abstractions.Endpoints;

/// <summary>What a PUT of an endpoint did: the endpoint as stored and whether it was created.</summary>
[GenerateSerializer, Immutable, Alias("obatch.EndpointPutResult")]
public sealed record EndpointPutResult(Snapshot<EndpointState> Endpoint, bool Created);
