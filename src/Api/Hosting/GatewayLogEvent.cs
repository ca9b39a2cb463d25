namespace OrleansBatch.Api.Hosting;

/// <summary>Event ids of the gateway's log messages.</summary>
internal enum GatewayLogEvent
{
    UnhandledException = 1000,
    AdminKeyGenerated = 1001,
    TenantCreated = 1002,
    ApiKeyIssued = 1003,
    ApiKeyRevoked = 1004,
    ModelRegistered = 1005,
    DeploymentVersionCreated = 1006,
    Listening = 1007,
}
