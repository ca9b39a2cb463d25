using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansBatch.Api.Tests.Support;

/// <summary>A tenant created for one test, with a key of each role.</summary>
public sealed record TestTenant(GatewayFixture Gateway, string Name, string ReaderKey, string ContributorKey, string AdminKey)
{
    public HttpClient Reader() => Gateway.WithKey(ReaderKey);

    public HttpClient Contributor() => Gateway.WithKey(ContributorKey);

    public HttpClient Admin() => Gateway.WithKey(AdminKey);

    /// <summary>Registers a committed sample model under <paramref name="name"/>; returns the response body.</summary>
    public async Task<JsonElement> RegisterModelAsync(string name, string? path = null, object? metadata = null)
    {
        using var client = Contributor();
        using var response = await client.PostAsync($"/v1/models/{name}/versions", ModelContent(path ?? RepositoryPaths.BreastCancerModel, metadata));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static MultipartFormDataContent ModelContent(string path, object? metadata = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", Path.GetFileName(path));
        if (metadata is not null)
            content.Add(new StringContent(JsonSerializer.Serialize(metadata)), "metadata");
        return content;
    }

    public async Task CreateEndpointAsync(string endpoint)
    {
        using var client = Contributor();
        using var response = await client.PutAsJsonAsync($"/v1/endpoints/{endpoint}", new { description = "test" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public async Task<HttpResponseMessage> PutDeploymentAsync(string endpoint, string deployment, object body, string query = "")
    {
        using var client = Contributor();
        return await client.PutAsJsonAsync($"/v1/endpoints/{endpoint}/deployments/{deployment}{query}", body);
    }
}
