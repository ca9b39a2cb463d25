using Azure;
using Microsoft.Extensions.Hosting;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Reaches the account when the host starts and creates the containers and the table, so a wrong endpoint
/// or key stops the start with a message saying what to fix, not later inside a grain call.
/// </summary>
internal sealed class AzureStorageStartup(AzureStorageBackend backend) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setting = $"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.ConnectionString)}";
        var endpoint = $"{backend.BlobService.Uri.GetLeftPart(UriPartial.Path)} / {backend.TableService.Uri.GetLeftPart(UriPartial.Path)}";
        try
        {
            await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw new InvalidOperationException(
                $"Azure Storage at {endpoint} refused the credentials ({e.Status} {e.ErrorCode}). Check the AccountKey or SharedAccessSignature in {setting}; a SAS needs read, write, delete, list, add, create, update and process permissions.", e);
        }
        catch (Exception e) when (e is AggregateException or (RequestFailedException { Status: 0 }))
        {
            // Transport failures end as an AggregateException once Azure.Core's retries are spent.
            throw new InvalidOperationException(
                $"Azure Storage at {endpoint} could not be reached ({e.InnerException?.Message ?? e.Message}). Check the account name or endpoints (BlobEndpoint, TableEndpoint, QueueEndpoint) in {setting}, the network, and for Azurite that it is running with its table service.", e);
        }
        catch (RequestFailedException e)
        {
            throw new InvalidOperationException(
                $"Azure Storage at {endpoint} failed to create the provider's containers and table ({e.Status} {e.ErrorCode}). Check {setting} and {AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.ContainerPrefix)}.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
