using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Inputs;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// The rules behind the gateway tests, on inputs the gateway tests cannot send without reaching other
/// machines: every non-public range (classified only, nothing is sent), and a host allowed by a pattern that
/// resolves to loopback (refused at connect time, after DNS, by the policy's own HTTP client).
/// </summary>
public sealed class RemoteAccessPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Loopback_private_link_local_unspecified_and_their_ipv6_forms_are_not_public(string address)
    {
        Assert.True(NonPublicAddresses.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("20.150.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2603:1030::1")]
    [InlineData("::ffff:20.150.0.1")]
    public void Public_addresses_are_public(string address)
    {
        Assert.False(NonPublicAddresses.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Hosts_are_allowed_by_name_address_or_pattern_and_nothing_else()
    {
        var policy = new RemoteAccessPolicy(["data.example.com", "*.blob.core.windows.net", "[::1]", "10.0.0.5"], TimeSpan.FromSeconds(2));

        Assert.True(policy.IsAllowed("DATA.example.com"));
        Assert.True(policy.IsAllowed("acct.blob.core.windows.net"));
        Assert.True(policy.IsAllowed("blob.core.windows.net"));
        Assert.True(policy.IsAllowed("::1"));
        Assert.True(policy.IsAllowed("[::1]"));
        Assert.True(policy.IsAllowed("10.0.0.5"));
        Assert.False(policy.IsAllowed("blob.core.windows.net.evil.com"));
        Assert.False(policy.IsAllowed("evildata.example.com"));
        Assert.False(policy.IsAllowed("127.0.0.1"));
        Assert.False(policy.IsAllowed("localhost"));
        Assert.False(new RemoteAccessPolicy([], TimeSpan.FromSeconds(1)).IsAllowed("data.example.com"));
    }

    [Fact]
    public void Plain_http_is_allowed_only_to_the_hosts_named_for_it_which_are_allowed_hosts_too()
    {
        var policy = new RemoteAccessPolicy(["data.example.com"], TimeSpan.FromSeconds(2), ["127.0.0.1", "emulator.internal"]);

        Assert.True(policy.AllowsScheme(new Uri("http://127.0.0.1:10000/acct/c/x.csv")));
        Assert.True(policy.AllowsScheme(new Uri("http://EMULATOR.internal/c/x.csv")));
        Assert.True(policy.AllowsScheme(new Uri("https://data.example.com/c/x.csv")));
        Assert.False(policy.AllowsScheme(new Uri("http://data.example.com/c/x.csv")));
        Assert.False(policy.AllowsScheme(new Uri("http://127.0.0.2/acct/c/x.csv")));
        Assert.False(policy.AllowsScheme(new Uri("http://localhost/acct/c/x.csv")));
        Assert.False(policy.AllowsScheme(new Uri("ftp://127.0.0.1/acct/c/x.csv")));
        Assert.True(policy.IsAllowed("127.0.0.1"));
        Assert.True(policy.IsAllowed("emulator.internal"));
        Assert.False(policy.IsAllowed("127.0.0.2"));
        Assert.False(new RemoteAccessPolicy([], TimeSpan.FromSeconds(1)).AllowsScheme(new Uri("http://127.0.0.1/acct/c/x.csv")));
    }

    [Fact]
    public void A_pattern_for_plain_http_stops_the_start_naming_the_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new RemoteAccessPolicy([], TimeSpan.FromSeconds(1), ["*.internal"]));

        Assert.Contains("OBATCH_ALLOWED_HTTP_HOSTS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_allowed_by_a_pattern_that_resolves_to_loopback_is_refused_after_resolution_and_never_connected()
    {
        using var target = new LoopbackListener(IPAddress.Loopback, IPAddress.IPv6Loopback);
        var policy = new RemoteAccessPolicy(["*.localhost"], TimeSpan.FromSeconds(2));
        Assert.True(policy.IsAllowed("localhost"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => policy.Client.GetAsync($"http://localhost:{target.Port}/"));

        Assert.IsType<RemoteHostRefusedException>(error.InnerException);
        Assert.Contains("non-public address", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_is_not_followed_even_to_another_allowed_host()
    {
        using var target = new LoopbackListener(IPAddress.Loopback);
        using var redirecting = new RedirectingServer($"http://127.0.0.1:{target.Port}/acct/data/x.csv");
        var policy = new RemoteAccessPolicy(["localhost", "127.0.0.1"], TimeSpan.FromSeconds(2));
        var container = policy.Container(new Uri($"http://localhost:{redirecting.Port}/acct/data?sv=2021-08-06&sig=abc"));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => container.GetBlobClient("x.csv").GetPropertiesAsync());

        Assert.Equal(302, error.Status);
        Assert.True(redirecting.Requests > 0);
        Assert.Equal(0, target.Connections);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100000")]
    public void A_bad_remote_timeout_stops_the_start_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RemoteAccessPolicy.TimeoutKey] = value }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSiloProvider(configuration));

        Assert.Contains("OBATCH_REMOTE_TIMEOUT", e.Message, StringComparison.Ordinal);
    }
}
