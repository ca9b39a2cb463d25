using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansBatch.Security.Tests.Support;

/// <summary>New tenants on a gateway of the tests' own configuration, through the platform admin API.</summary>
public static class ContributorKeys
{
    /// <summary>Creates a tenant named <paramref name="prefix"/> plus a random suffix; returns its name and a client with a contributor key.</summary>
    public static async Task<(string Name, HttpClient Client)> NewTenantAsync(WebApplicationFactory<Program> gateway, string adminKey, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var admin = gateway.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        (await admin.PostAsJsonAsync("/v1/tenants", new { name })).EnsureSuccessStatusCode();
        var key = await admin.PostAsJsonAsync($"/v1/tenants/{name}/keys", new { role = "contributor" });
        key.EnsureSuccessStatusCode();
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        return (name, client);
    }
}
