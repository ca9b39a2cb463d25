using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>
/// The real platform in-process: the REST gateway with its embedded silo (Local provider) on its own data directory
/// (<see cref="GatewayFixture"/>). Tenants and models are made over REST, as users make them; the tests then reach the
/// silo's Orleans gateway through <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/>.
/// </summary>
public static class Platform
{
    /// <summary>The embedded silo's Orleans gateway port (a free one the silo picked); starts the gateway when it has not started.</summary>
    public static int GatewayPort(this GatewayFixture gateway) => gateway.Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress.Endpoint.Port;

    /// <summary>The folder of <paramref name="tenant"/>'s job inputs (the default data root, <c>&lt;data dir&gt;/data/{tenant}</c>).</summary>
    public static string InputFolder(this GatewayFixture gateway, string tenant) => Directory.CreateDirectory(Path.Combine(gateway.DataDirectory, "data", tenant)).FullName;
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "platform";
}
