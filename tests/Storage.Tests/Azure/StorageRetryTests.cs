using Azure.Core;
using Azure.Core.Pipeline;
using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>
/// Retries on a real transient failure: the request starts while nothing listens on the account's ports
/// (connections refused), and Azurite is started only after the pipeline was seen failing and retrying.
/// </summary>
public sealed class StorageRetryTests
{
    /// <summary>Watches attempts from the per-retry position of the pipeline; changes nothing.</summary>
    private sealed class AttemptCounter : HttpPipelinePolicy
    {
        private int _attempts;
        private int _failures;

        public TaskCompletionSource SecondFailure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts => Volatile.Read(ref _attempts);

        public int Failures => Volatile.Read(ref _failures);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _attempts);
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch
            {
                if (Interlocked.Increment(ref _failures) >= 2)
                    SecondFailure.TrySetResult();
                throw;
            }
        }
    }

    [Fact]
    public async Task Requests_that_fail_while_the_service_is_down_are_retried_and_succeed_once_it_is_up()
    {
        var blobPort = AzuriteServer.FreePort();
        var queuePort = AzuriteServer.FreePort();
        var counter = new AttemptCounter();
        var options = new StorageClientOptions();
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxRetries = 300;
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var container = new StorageAccountClient(StorageConnectionString.ForDevelopmentStorage(blobPort, queuePort), options).GetBlobContainer("retried");

        var create = container.CreateIfNotExistsAsync();
        await counter.SecondFailure.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var azurite = await AzuriteServer.StartAsync(blobPort, queuePort, waitUntilUp: false);

        Assert.True(await create);
        Assert.True(counter.Failures >= 2);
        Assert.Equal(counter.Failures + 1, counter.Attempts);
    }
}
