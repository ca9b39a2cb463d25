using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Development_storage_is_azurites_well_known_account_on_the_default_ports()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal("devstoreaccount1", Assert.IsType<SharedKeyCredential>(parsed.Credential).AccountName);
    }

    [Fact]
    public void An_account_connection_string_gives_the_cloud_endpoints_for_its_protocol_and_suffix()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Convert.ToBase64String(new byte[32])};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://acct.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
        Assert.IsType<SharedKeyCredential>(parsed.Credential);
    }

    [Fact]
    public void Explicit_endpoints_win_and_a_sas_or_nothing_selects_sas_or_anonymous_access()
    {
        var sas = StorageConnectionString.Parse("BlobEndpoint=http://127.0.0.1:1/acct/;QueueEndpoint=http://127.0.0.1:2/acct;SharedAccessSignature=?sv=2019-02-02&sig=abc");
        var anonymous = StorageConnectionString.Parse("BlobEndpoint=http://127.0.0.1:1/acct");

        Assert.Equal(new Uri("http://127.0.0.1:1/acct"), sas.BlobEndpoint);
        Assert.Equal("sv=2019-02-02&sig=abc", Assert.IsType<SasCredential>(sas.Credential).Token);
        Assert.IsType<AnonymousCredential>(anonymous.Credential);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=acct;AccountKey=not base64!", "not base64")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct", "must be 'http' or 'https'")]
    [InlineData("EndpointSuffix=core.windows.net", "names no account")]
    public void A_bad_connection_string_is_a_format_exception_saying_what_to_fix(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_secret_in_a_malformed_part_is_not_echoed()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;SuperSecretKeyMaterialWithoutEquals"));

        Assert.DoesNotContain("WithoutEquals", error.Message);
    }
}
