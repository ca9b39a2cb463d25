using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Tests.Inputs;

/// <summary>How blob URLs are taken apart and which are allowed.</summary>
public sealed class BlobInputsTests
{
    private const string DevelopmentAccount = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1";

    private static BlobInputs WithAccount(string? connectionString, string allowedHosts = "acct.blob.core.windows.net") =>
        new(new ServiceCollection()
            .AddSingleton(new SiloProviderOptions { Provider = connectionString is null ? SiloProviderOptions.Local : SiloProviderOptions.AzureStorage, ConnectionString = connectionString, ContainerPrefix = "obatch" })
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RemoteAccessPolicy.AllowedHostsKey] = allowedHosts }).Build())
            .BuildServiceProvider());

    [Fact]
    public void A_host_style_https_url_with_a_sas_names_the_container_and_the_blob()
    {
        var location = WithAccount(null).Locate("https://acct.blob.core.windows.net/data/folder/a.csv?sv=2021&sig=abc", "input");

        Assert.Equal("data", location.Container.Name);
        Assert.Equal("folder/a.csv", location.Name);
        Assert.Equal("https://acct.blob.core.windows.net/data", location.Container.Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public void The_configured_accounts_own_urls_are_the_callers_artifact_files_and_nothing_else()
    {
        var inputs = WithAccount(DevelopmentAccount);

        Assert.Equal("tenants/acme/uploads/u1/", inputs.OwnArtifactPath("acme", "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/acme/uploads/u1/", "input", "InputNotAllowed"));
        Assert.Equal("tenants/acme/", inputs.OwnArtifactPath("acme", "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/acme", "input", "InputNotAllowed"));
        Assert.Null(inputs.OwnArtifactPath("acme", "https://acct.blob.core.windows.net/data/a.csv?sig=x", "input", "InputNotAllowed"));
        foreach (var url in new[]
                 {
                     "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/other/uploads/u1/x.csv",
                     "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/acme-2/x.csv",
                     "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/acme/../other/x.csv",
                     "http://127.0.0.1:10000/devstoreaccount1/obatch-artifacts/tenants/acme/%2e%2e/other/x.csv",
                     "http://127.0.0.1:10000/devstoreaccount1/obatch-state/tenants/acme/x",
                     "http://127.0.0.1:10000/devstoreaccount1/inputs/tenants/acme/x.csv?sv=1&sig=mine",
                 })
        {
            var e = Assert.Throws<DomainException>(() => inputs.OwnArtifactPath("acme", url, "input", "InputNotAllowed"));
            Assert.Equal("InputNotAllowed", e.Code);
            Assert.DoesNotContain("sig=", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://acct.blob.core.windows.net/data/a.csv?sig=x", "must be https://")]
    [InlineData("https://acct.blob.core.windows.net/?sig=x", "no valid container")]
    [InlineData("https://user:pw@acct.blob.core.windows.net/data/a.csv", "not a valid blob URL")]
    [InlineData("https://acct.blob.core.windows.net/data/a.csv", "carries no SAS")]
    [InlineData("https://other.blob.core.windows.net/data/a.csv?sig=x", "is not allowed")]
    [InlineData("https://127.0.0.1:10000/devstoreaccount1/data/a.csv?sig=x", "is not allowed")]
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
        Assert.Equal("read https://a.blob.core.windows.net/c/x.csv failed; sig=REDACTED", SasRedaction.Text("read https://a.blob.core.windows.net/c/x.csv?sv=1&sig=secret failed; sig=secret"));
    }
}
