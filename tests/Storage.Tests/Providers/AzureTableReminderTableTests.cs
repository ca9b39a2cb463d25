using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Reminders.AzureStorage;
using Orleans.Runtime.ReminderService;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>Orleans' Azure table reminders (Microsoft.Orleans.Reminders.AzureStorage) on Azurite, each test on a table of its own.</summary>
public sealed class AzureTableReminderTableTests(AzuriteFixture azurite) : ReminderTableConformance, IClassFixture<AzuriteFixture>
{
    private readonly string _tableName = "reminders" + Guid.NewGuid().ToString("N")[..12];

    protected override IReminderTable CreateTable(string serviceId) => new AzureBasedReminderTable(
        NullLoggerFactory.Instance,
        Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "conformance" }),
        Options.Create(new AzureTableReminderStorageOptions
        {
            TableName = _tableName,
            TableServiceClient = new TableServiceClient(azurite.Server.SdkConnectionString),
        }));
}
