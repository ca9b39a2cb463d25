using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// The storage account of the AzureStorage provider and the containers and queues its stores use. Creates
/// the containers once (at host start, or on first use) and each queue on its first use. Holds no static
/// state, so two instances on one account behave like two silos.
/// </summary>
public sealed class AzureStorageBackend
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);
    private readonly Lock _containersLock = new();
    private Task? _containers;

    public AzureStorageBackend(AzureStorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var check = new AzureStorageOptionsValidator().Validate(null, options);
        if (check.Failed)
            throw new OptionsValidationException(nameof(AzureStorageOptions), typeof(AzureStorageOptions), check.Failures);

        var clientOptions = new StorageClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        Account = new StorageAccountClient(options.ConnectionString, clientOptions);
        Prefix = options.ContainerPrefix;
        MaxQueuePollInterval = options.MaxQueuePollInterval;
        Time = time ?? TimeProvider.System;
        State = Account.GetBlobContainer($"{Prefix}-state");
        Leases = Account.GetBlobContainer($"{Prefix}-leases");
        Silos = Account.GetBlobContainer($"{Prefix}-silos");
        Artifacts = Account.GetBlobContainer($"{Prefix}-artifacts");
    }

    public StorageAccountClient Account { get; }

    /// <summary>The container and queue name prefix.</summary>
    public string Prefix { get; }

    /// <summary>The clock for lease expiry and heartbeats.</summary>
    public TimeProvider Time { get; }

    internal TimeSpan MaxQueuePollInterval { get; }

    /// <summary>Grain state: one blob per grain.</summary>
    public BlobContainerClient State { get; }

    /// <summary>Lease records: one blob per leased resource.</summary>
    public BlobContainerClient Leases { get; }

    /// <summary>Membership: one blob per silo.</summary>
    public BlobContainerClient Silos { get; }

    /// <summary>Artifacts, inputs and outputs, under the caller's paths.</summary>
    public BlobContainerClient Artifacts { get; }

    /// <summary>Creates the four containers unless they exist; runs once (again after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_containersLock)
        {
            if (_containers is null || _containers.IsFaulted || _containers.IsCanceled)
                _containers = CreateContainersAsync(cancellationToken);
            return _containers;
        }
    }

    /// <summary>The storage queue for a work queue name, created on first use.</summary>
    public async Task<QueueClient> GetQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        var name = QueueNames.For(Prefix, queue);
        var entry = _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(() => CreateQueueAsync(n)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // Forget the failed creation so the next call tries again, then report this one.
            _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, entry));
            throw;
        }
    }

    private async Task<QueueClient> CreateQueueAsync(string name)
    {
        var client = Account.GetQueue(name);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }

    private async Task CreateContainersAsync(CancellationToken cancellationToken)
    {
        foreach (var container in new[] { State, Leases, Silos, Artifacts })
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
