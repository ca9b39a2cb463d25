using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class StorageQueueWorkQueueTests(AzuriteFixture azurite) : WorkQueueConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IWorkQueue CreateQueue() => new StorageQueueWorkQueue(_scope.Open());

    // Storage queues count visibility in whole seconds.
    protected override TimeSpan ShortVisibility => TimeSpan.FromSeconds(1);
}
