namespace OrleansBatch.Api.Hosting;

/// <summary>The gateway's log messages (source-generated), with event ids from <see cref="GatewayLogEvent"/>.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = (int)GatewayLogEvent.UnhandledException, Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = (int)GatewayLogEvent.AdminKeyGenerated, Level = LogLevel.Information, Message = "Generated the platform admin key into {KeyFile}")]
    public static partial void AdminKeyGenerated(ILogger logger, string keyFile);

    [LoggerMessage(EventId = (int)GatewayLogEvent.TenantCreated, Level = LogLevel.Information, Message = "Tenant {TenantId} created")]
    public static partial void TenantCreated(ILogger logger, string tenantId);

    [LoggerMessage(EventId = (int)GatewayLogEvent.ApiKeyIssued, Level = LogLevel.Information, Message = "API key {KeyId} with role {Role} issued for tenant {TenantId}")]
    public static partial void ApiKeyIssued(ILogger logger, string keyId, string role, string tenantId);

    [LoggerMessage(EventId = (int)GatewayLogEvent.ApiKeyRevoked, Level = LogLevel.Information, Message = "API key {KeyId} of tenant {TenantId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, string keyId, string tenantId);

    [LoggerMessage(EventId = (int)GatewayLogEvent.ModelRegistered, Level = LogLevel.Information, Message = "Model {Model} version {Version} registered for tenant {TenantId}")]
    public static partial void ModelRegistered(ILogger logger, string model, int version, string tenantId);

    [LoggerMessage(EventId = (int)GatewayLogEvent.DeploymentVersionCreated, Level = LogLevel.Information, Message = "Deployment {Endpoint}/{Deployment} version {Version} created for tenant {TenantId}")]
    public static partial void DeploymentVersionCreated(ILogger logger, string endpoint, string deployment, int version, string tenantId);

    [LoggerMessage(EventId = (int)GatewayLogEvent.Listening, Level = LogLevel.Information, Message = "Gateway with embedded silo {SiloId} listening on {Address}; data in {DataDirectory}")]
    public static partial void Listening(ILogger logger, string siloId, string address, string dataDirectory);
}
