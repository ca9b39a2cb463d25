using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Azure;

/// <summary>Silo rows as one JSON blob per silo in <c>&lt;prefix&gt;-silos</c>: each silo overwrites its own on every heartbeat; listing reads them all.</summary>
public sealed class BlobMembershipStore(AzureStorageBackend backend) : IMembershipStore
{
    private const int ReadParallelism = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task UpsertAsync(SiloInfo silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrEmpty(silo.Id, nameof(silo.Id));
        ArgumentNullException.ThrowIfNull(silo.Address, nameof(silo.Address));
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await backend.Silos.UploadAsync(BlobNames.Encode(silo.Id), BinaryData.FromObjectAsJson(silo, Json), contentType: "application/json", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SiloInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var item in backend.Silos.ListAllBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            names.Add(item.Name);

        var silos = new SiloInfo?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    var (content, _) = await backend.Silos.DownloadContentAsync(names[i], cancellationToken: ct).ConfigureAwait(false);
                    silos[i] = content.ToObjectFromJson<SiloInfo>(Json);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Removed between listing and reading.
                }
            }).ConfigureAwait(false);
        return [.. silos.OfType<SiloInfo>().OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
