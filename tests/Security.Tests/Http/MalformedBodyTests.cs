using System.Net;
using System.Text;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;

namespace OrleansBatch.Security.Tests.Http;

/// <summary>Bodies cut short or mislabelled: each a 4xx, and nothing stored.</summary>
[Collection(SecurityGateway.Name)]
public sealed class MalformedBodyTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_400_and_leaves_no_upload()
    {
        var tenant = await gateway.CreateTenantAsync("trunc");
        using var client = tenant.Contributor();
        const string body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx,y\r\n1,2\r\n";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        var response = await client.PostAsync("/v1/uploads", content);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.False(Directory.Exists(Path.Combine(gateway.DataDirectory, "files", "tenants", tenant.Name, "uploads"))
            && Directory.EnumerateFiles(Path.Combine(gateway.DataDirectory, "files", "tenants", tenant.Name, "uploads"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_truncated_gzip_body_is_a_4xx()
    {
        var tenant = await gateway.CreateTenantAsync("gzip");
        using var client = tenant.Contributor();
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes("""{"description":"zipped endpoint body that is long enough to be cut"}"""));
        var content = new ByteArrayContent(compressed.ToArray()[..(int)(compressed.Length / 2)]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await client.PutAsync("/v1/endpoints/zipped", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/zipped"), HttpStatusCode.NotFound, "EndpointNotFound");
    }
}
