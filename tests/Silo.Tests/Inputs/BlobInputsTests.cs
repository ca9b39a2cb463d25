using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Tests.Inputs;

/// <summary>How blob URLs are taken apart and which are allowed.</summary>
public sealed class BlobInputsTests
{
    private static BlobInputs WithAccount(string? connectionString) =>
        new(new ServiceCollection().AddSingleton(new SiloProviderOptions { Provider = connectionString is null ? SiloProviderOptions.Local : SiloProviderOptions.AzureStorage, ConnectionString = connectionString }).BuildServiceProvider());

    [Fact]
    public void A_host_style_https_url_names_the_container_and_the_blob()
    {
        var location = WithAccount(null).Locate("https://acct.blob.core.windows.net/data/folder/a.csv?sv=2021&sig=abc", "input");

        Assert.Equal("data", location.Container.Name);
        Assert.Equal("folder/a.csv", location.Name);
        Assert.Equal("https://acct.blob.core.windows.net/data", location.Container.Uri.ToString());
    }

    [Fact]
    public void The_configured_accounts_own_http_endpoint_is_allowed_path_style()
    {
        var inputs = WithAccount("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Storage.Azure.Rest.StorageConnectionString.DevelopmentAccountKey
            + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1");

        var location = inputs.Locate("http://127.0.0.1:10000/devstoreaccount1/inputs/digits/", "input");

        Assert.Equal("inputs", location.Container.Name);
        Assert.Equal("digits/", location.Name);
    }

    [Theory]
    [InlineData("http://example.com/data/a.csv", "must be https://")]
    [InlineData("https://acct.blob.core.windows.net/", "no valid container")]
    [InlineData("https://user:pw@acct.blob.core.windows.net/data/a.csv", "not a valid blob URL")]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1", "names no container")]
    public void Other_urls_are_refused_with_what_to_fix(string url, string message)
    {
        var e = Assert.Throws<DomainException>(() => WithAccount(null).Locate(url, "input"));

        Assert.Equal("InputNotAllowed", e.Code);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sas_is_never_shown()
    {
        Assert.Equal("https://a.blob.core.windows.net/c/x.csv", BlobInputs.Redact("https://a.blob.core.windows.net/c/x.csv?sv=1&sig=secret"));
    }
}
