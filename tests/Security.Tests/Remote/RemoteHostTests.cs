using System.Diagnostics;
using System.Net;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// Issue 11, SSRF: any https:// host was fetched, loopback included (127.0.0.1, [::1], localhost, 2130706433),
/// and an unreachable host was a 500 after 6-8 s. Each test sends those requests to the real gateway; a
/// listener on the loopback target proves that nothing connected.
/// </summary>
[Collection(ClusterGatewayCollection.Name)]
public sealed class RemoteHostTests(ClusterGateway cluster)
{
    private const string Sas = "?sv=2021-08-06&sp=rl&sig=abc";

    [Theory]
    [InlineData("https://127.0.0.1:{port}/acct/data/x.csv")]
    [InlineData("https://[::1]:{port}/acct/data/x.csv")]
    [InlineData("https://localhost:{port}/data/x.csv")]
    [InlineData("https://LOCALHOST.:{port}/data/x.csv")]
    [InlineData("https://2130706433:{port}/acct/data/x.csv")]
    [InlineData("https://0x7f.1:{port}/acct/data/x.csv")]
    [InlineData("https://0177.0.0.1:{port}/acct/data/x.csv")]
    [InlineData("https://[::ffff:127.0.0.1]:{port}/acct/data/x.csv")]
    [InlineData("https://127.1:{port}/acct/data/x.csv")]
    public async Task Loopback_in_any_spelling_is_refused_as_input_and_as_output_and_never_connected(string template)
    {
        using var target = new LoopbackListener(IPAddress.Loopback, IPAddress.IPv6Loopback);
        var url = template.Replace("{port}", target.Port.ToString()) + Sas;
        var own = await cluster.Attacker.Client.UploadFilesAsync([RepositoryPaths.Sample("digits", "images", Path.GetFileName(cluster.VictimUpload))]);

        using var asInput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_file", path = url } });
        using var asOutput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_folder", path = own.Path }, output = new { path = url } });

        var problem = await Problem.AssertAsync(asInput, HttpStatusCode.BadRequest, "InputNotAllowed");
        await Problem.AssertAsync(asOutput, HttpStatusCode.BadRequest, "OutputNotAllowed");
        Assert.Contains("OBATCH_ALLOWED_HOSTS", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, target.Connections);
        Assert.Equal(0, (await cluster.Attacker.JobsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Plain_http_to_a_host_other_than_the_storage_account_is_refused_even_when_listed()
    {
        using var target = new LoopbackListener(IPAddress.Parse(ClusterGateway.AllowedHost));

        using var response = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_file", path = $"http://{ClusterGateway.AllowedHost}:{target.Port}/acct/data/x.csv{Sas}" } });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputNotAllowed");
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task An_allowed_host_that_accepts_and_never_answers_is_InputUnreachable_after_the_configured_wait_not_a_500()
    {
        using var silent = new LoopbackListener(IPAddress.Parse(ClusterGateway.AllowedHost));
        var clock = Stopwatch.StartNew();

        using var response = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_file", path = $"https://{ClusterGateway.AllowedHost}:{silent.Port}/acct/data/x.csv{Sas}" } });
        clock.Stop();

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputUnreachable");
        Assert.True(silent.Connections > 0, "the allowed host was never tried");
        Assert.Contains("within 2 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_host_where_nothing_listens_is_InputUnreachable_as_input_and_OutputUnreachable_as_output()
    {
        int port;
        using (var closed = new LoopbackListener(IPAddress.Parse(ClusterGateway.AllowedHost)))
            port = closed.Port;
        var url = $"https://{ClusterGateway.AllowedHost}:{port}/acct/data/x.csv{Sas}";
        var own = await cluster.Attacker.Client.UploadFilesAsync([RepositoryPaths.Sample("digits", "images", Path.GetFileName(cluster.VictimUpload))]);

        using var asInput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_file", path = url } });
        // An output's SAS must allow write (checked before anything is sent).
        using var asOutput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_folder", path = own.Path }, output = new { path = url.Replace("sp=rl", "sp=rwlc", StringComparison.Ordinal) } });

        await Problem.AssertAsync(asInput, HttpStatusCode.BadRequest, "InputUnreachable");
        await Problem.AssertAsync(asOutput, HttpStatusCode.BadRequest, "OutputUnreachable");
        Assert.Equal(0, (await cluster.Attacker.JobsAsync()).GetArrayLength());
    }
}
