using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// The storage account of the AzureStorage provider and the containers, table and queues its stores use,
/// reached through the Azure SDK (Azure.Storage.Blobs, Azure.Data.Tables) from one connection string.
/// Creates the containers and the table once (at host start, or on first use). Holds no static state, so two instances on one account behave like two silos.
/// </summary>
public sealed class AzureStorageBackend
{
    private readonly Lock _containersLock = new();
    private Task? _containers;

    public AzureStorageBackend(AzureStorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var check = new AzureStorageOptionsValidator().Validate(null, options);
        if (check.Failed)
            throw new OptionsValidationException(nameof(AzureStorageOptions), typeof(AzureStorageOptions), check.Failures);

        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = options.MaxRetries;
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.MaxRetries = options.MaxRetries;
        BlobService = new BlobServiceClient(options.ConnectionString, blobOptions);
        TableService = new TableServiceClient(options.ConnectionString, tableOptions);
        Prefix = options.ContainerPrefix;
        Time = time ?? TimeProvider.System;
        Artifacts = BlobService.GetBlobContainerClient($"{Prefix}-artifacts");
        State = TableService.GetTableClient(TableName(Prefix, "state"));
        StateOverflow = BlobService.GetBlobContainerClient($"{Prefix}-state");
    }

    /// <summary>The account's blob service (its key, or the connection string's SAS).</summary>
    public BlobServiceClient BlobService { get; }

    /// <summary>The account's table service.</summary>
    public TableServiceClient TableService { get; }

    /// <summary>The container and queue name prefix.</summary>
    public string Prefix { get; }

    /// <summary>The clock for write times.</summary>
    public TimeProvider Time { get; }

    /// <summary>Grain state and the query store: the table <c>&lt;prefix&gt;state</c> (hyphens dropped: table names are alphanumeric).</summary>
    public TableClient State { get; }

    /// <summary>Grain states too large for a table entity, one blob per written version (<c>&lt;prefix&gt;-state</c>).</summary>
    public BlobContainerClient StateOverflow { get; }

    /// <summary>Artifacts, inputs and outputs, under the caller's paths.</summary>
    public BlobContainerClient Artifacts { get; }

    /// <summary>
    /// The table name for <paramref name="prefix"/> and <paramref name="suffix"/>: table names are 3-63
    /// letters and digits starting with a letter, so hyphens are dropped and a leading digit gets a 't'.
    /// </summary>
    public static string TableName(string prefix, string suffix)
    {
        var name = string.Concat(prefix.Where(char.IsAsciiLetterOrDigit)) + suffix;
        return char.IsAsciiLetter(name[0]) ? name : "t" + name;
    }

    /// <summary>Creates the containers and the table unless they exist; runs once (again after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_containersLock)
        {
            if (_containers is null || _containers.IsFaulted || _containers.IsCanceled)
                _containers = CreateContainersAsync(cancellationToken);
            return _containers;
        }
    }

    private async Task CreateContainersAsync(CancellationToken cancellationToken)
    {
        await Artifacts.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await StateOverflow.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await State.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
