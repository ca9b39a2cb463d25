using System.Text;
using Azure;
using Azure.Core;
using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>The REST client against a real Azurite: signing, SAS, anonymous reads, blobs, blocks, leases, queues, errors.</summary>
public sealed class StorageRestClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string _container = "rest-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<BlobContainerClient> ContainerAsync(string? publicAccess = null)
    {
        var container = azurite.CreateAccount().GetBlobContainer(_container);
        await container.CreateIfNotExistsAsync(publicAccess);
        return container;
    }

    private static async Task<string> ReadAllAsync(BlobDownload download)
    {
        await using (download)
        {
            using var reader = new StreamReader(download.Content, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }

    [Fact]
    public async Task Shared_key_signed_requests_are_accepted_and_a_wrong_key_is_refused_with_403()
    {
        var container = await ContainerAsync();
        await container.UploadAsync("signed/a b+c%.txt", BinaryData.FromString("hello"), contentType: "text/plain",
            metadata: new Dictionary<string, string> { ["version"] = "7" });

        var properties = await container.GetPropertiesAsync("signed/a b+c%.txt");
        var wrongKey = new StorageAccountClient(new StorageConnectionString(
            azurite.CreateAccount().Account.BlobEndpoint, azurite.CreateAccount().Account.QueueEndpoint,
            new SharedKeyCredential(StorageConnectionString.DevelopmentAccountName, Convert.ToBase64String(new byte[64]))));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => wrongKey.GetBlobContainer(_container).GetPropertiesAsync("signed/a b+c%.txt"));

        Assert.Equal((5L, "text/plain", "7"), (properties.ContentLength, properties.ContentType, properties.Metadata["version"]));
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task A_missing_blob_is_a_request_failed_exception_with_status_404_and_the_error_code()
    {
        var container = await ContainerAsync();

        var get = await Assert.ThrowsAsync<RequestFailedException>(() => container.DownloadContentAsync("no/such/blob"));
        var head = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetPropertiesAsync("no/such/blob"));
        var missingContainer = await Assert.ThrowsAsync<RequestFailedException>(() =>
            azurite.CreateAccount().GetBlobContainer("never-created-" + Guid.NewGuid().ToString("N")[..8]).DownloadContentAsync("x"));

        Assert.Equal((404, "BlobNotFound"), (get.Status, get.ErrorCode));
        Assert.Equal((404, "BlobNotFound"), (head.Status, head.ErrorCode));
        Assert.Equal((404, "ContainerNotFound"), (missingContainer.Status, missingContainer.ErrorCode));
    }

    [Fact]
    public async Task Ranged_reads_return_exactly_the_requested_bytes_and_the_whole_length()
    {
        var container = await ContainerAsync();
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();
        await container.UploadAsync("ranged.bin", BinaryData.FromBytes(bytes));

        var (middle, properties) = await container.DownloadContentAsync("ranged.bin", new HttpRange(100, 50));
        await using var tail = await container.DownloadAsync("ranged.bin", new HttpRange(990));
        using var tailBytes = new MemoryStream();
        await tail.Content.CopyToAsync(tailBytes);

        Assert.Equal(bytes[100..150], middle.ToArray());
        Assert.Equal(1000L, properties.ContentLength);
        Assert.Equal(bytes[990..], tailBytes.ToArray());
    }

    [Fact]
    public async Task Listing_with_a_small_page_size_follows_continuation_markers_through_every_blob_in_name_order()
    {
        var container = await ContainerAsync();
        var names = Enumerable.Range(0, 11).Select(i => $"list/{i:D2}").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
            await container.UploadAsync(name, BinaryData.FromString(name));
        await container.UploadAsync("other/x", BinaryData.FromString("x"));

        var pages = new List<BlobListPage>();
        string? marker = null;
        do
        {
            var page = await container.ListBlobsAsync("list/", marker, maxResults: 3);
            pages.Add(page);
            marker = page.NextMarker;
        } while (marker is not null);

        Assert.Equal(names, pages.SelectMany(p => p.Items).Select(i => i.Name));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Items.Count));
        Assert.True(pages.Count >= 4);
        Assert.Equal(names, await container.ListAllBlobsAsync("list/", pageSize: 2).Select(i => i.Name).ToListAsync());
    }

    [Fact]
    public async Task Conditional_puts_and_deletes_honour_if_none_match_and_if_match()
    {
        var container = await ContainerAsync();
        var created = await container.UploadAsync("cond", BinaryData.FromString("1"), new RequestConditions { IfNoneMatch = ETag.All });

        var exists = await Assert.ThrowsAsync<RequestFailedException>(() =>
            container.UploadAsync("cond", BinaryData.FromString("2"), new RequestConditions { IfNoneMatch = ETag.All }));
        var replaced = await container.UploadAsync("cond", BinaryData.FromString("3"), new RequestConditions { IfMatch = created.ETag });
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() =>
            container.UploadAsync("cond", BinaryData.FromString("4"), new RequestConditions { IfMatch = created.ETag }));
        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() =>
            container.DeleteBlobAsync("cond", new RequestConditions { IfMatch = created.ETag }));
        await container.DeleteBlobAsync("cond", new RequestConditions { IfMatch = replaced.ETag });

        Assert.Equal(409, exists.Status);
        Assert.Equal(412, stale.Status);
        Assert.Equal(412, staleDelete.Status);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.False(await container.DeleteBlobIfExistsAsync("cond"));
    }

    [Fact]
    public async Task Staged_blocks_are_committed_in_list_order()
    {
        var container = await ContainerAsync();
        string Id(int i) => Convert.ToBase64String(BitConverter.GetBytes(i));
        await container.StageBlockAsync("blocks", Id(2), BinaryData.FromString("c"));
        await container.StageBlockAsync("blocks", Id(1), BinaryData.FromString("b"));
        await container.StageBlockAsync("blocks", Id(0), BinaryData.FromString("a"));

        await container.CommitBlockListAsync("blocks", [Id(0), Id(1), Id(2)], contentType: "text/plain");
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => container.CommitBlockListAsync("blocks2", [Id(9)]));

        Assert.Equal("abc", (await container.DownloadContentAsync("blocks")).Content.ToString());
        Assert.Equal((400, "InvalidBlockList"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task Leases_are_exclusive_renewable_releasable_and_breakable()
    {
        var container = await ContainerAsync();
        await container.UploadAsync("leased", BinaryData.FromString("x"));

        var lease = await container.AcquireLeaseAsync("leased", TimeSpan.FromSeconds(15));
        var taken = await Assert.ThrowsAsync<RequestFailedException>(() => container.AcquireLeaseAsync("leased", TimeSpan.FromSeconds(15)));
        var writeWithoutLease = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync("leased", BinaryData.FromString("y")));
        await container.UploadAsync("leased", BinaryData.FromString("z"), leaseId: lease.LeaseId);
        var renewed = await container.RenewLeaseAsync("leased", lease.LeaseId);
        await container.ReleaseLeaseAsync("leased", lease.LeaseId);
        var second = await container.AcquireLeaseAsync("leased", null, proposedLeaseId: Guid.NewGuid().ToString());
        var remaining = await container.BreakLeaseAsync("leased", TimeSpan.Zero);
        var third = await container.AcquireLeaseAsync("leased", TimeSpan.FromSeconds(60));

        Assert.Equal(409, taken.Status);
        Assert.Equal(412, writeWithoutLease.Status);
        Assert.Equal(lease.LeaseId, renewed.LeaseId);
        Assert.NotEqual(lease.LeaseId, second.LeaseId);
        Assert.Equal(TimeSpan.Zero, remaining);
        Assert.NotEqual(second.LeaseId, third.LeaseId);
        Assert.Equal("leased", (await container.GetPropertiesAsync("leased")).LeaseState);
    }

    [Fact]
    public async Task An_account_sas_grants_access_without_the_key_and_a_tampered_one_is_refused()
    {
        var container = await ContainerAsync();
        await container.UploadAsync("sas.txt", BinaryData.FromString("via sas"));
        var account = azurite.CreateAccount().Account;
        var key = (SharedKeyCredential)account.Credential;
        var token = AccountSas.Create(key, "bq", "sco", "rwdlacup", DateTimeOffset.UtcNow.AddHours(1));
        var sas = new StorageAccountClient($"BlobEndpoint={account.BlobEndpoint};QueueEndpoint={account.QueueEndpoint};SharedAccessSignature={token}");
        var tampered = new StorageAccountClient(new StorageConnectionString(account.BlobEndpoint, account.QueueEndpoint, new SasCredential(token.Replace("sp=rwdlacup", "sp=rwdlacupx"))));

        var read = await sas.GetBlobContainer(_container).DownloadContentAsync("sas.txt");
        await sas.GetBlobContainer(_container).UploadAsync("written-with-sas.txt", BinaryData.FromString("w"));
        var queue = sas.GetQueue(_container);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("m");
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => tampered.GetBlobContainer(_container).DownloadContentAsync("sas.txt"));

        Assert.Equal("via sas", read.Content.ToString());
        Assert.Equal("w", (await container.DownloadContentAsync("written-with-sas.txt")).Content.ToString());
        Assert.Equal(1, await queue.GetApproximateCountAsync());
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task Anonymous_clients_read_public_blobs_and_cannot_write()
    {
        var container = await ContainerAsync(publicAccess: "blob");
        await container.UploadAsync("public.txt", BinaryData.FromString("open"));
        var account = azurite.CreateAccount().Account;
        var anonymous = new StorageAccountClient($"BlobEndpoint={account.BlobEndpoint};QueueEndpoint={account.QueueEndpoint}");

        var read = await anonymous.GetBlobContainer(_container).DownloadContentAsync("public.txt");
        var write = await Assert.ThrowsAsync<RequestFailedException>(() => anonymous.GetBlobContainer(_container).UploadAsync("nope.txt", BinaryData.FromString("x")));

        Assert.IsType<AnonymousCredential>(anonymous.Account.Credential);
        Assert.Equal("open", read.Content.ToString());
        Assert.InRange(write.Status, 401, 404);
    }

    [Fact]
    public async Task Queue_messages_are_received_hidden_updated_with_a_new_receipt_counted_and_deleted()
    {
        var queue = azurite.CreateAccount().GetQueue(_container);
        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());
        await queue.SendMessageAsync("first");
        await queue.SendMessageAsync("second");

        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        var updated = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt!, TimeSpan.FromMinutes(2));
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt!));
        var count = await queue.GetApproximateCountAsync();
        await queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);

        Assert.Equal(("first", 1), (received.Text, received.DequeueCount));
        Assert.Equal("second", peeked.Text);
        Assert.Null(peeked.PopReceipt);
        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        Assert.True(updated.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(stale.Status, new[] { 400, 404 });
        Assert.Equal(2, count);
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }
}
