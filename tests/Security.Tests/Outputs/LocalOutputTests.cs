using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;

namespace OrleansBatch.Security.Tests.Outputs;

/// <summary>
/// Issue 11, local outputs: an absolute <c>output.path</c> is written when it lies inside the tenant's own data roots
/// (links resolved), and refused with 400 <c>OutputNotAllowed</c> anywhere else: outside the roots, through <c>..</c>,
/// through a link leading out, in another tenant's folder of a shared root, or in the platform's data directory.
/// The same confinement holds for local inputs.
/// </summary>
public sealed class LocalOutputTests(DataRootsGateway gateway) : IClassFixture<DataRootsGateway>
{
    [Theory]
    [InlineData("")]
    [InlineData("file://")]
    public async Task An_output_folder_inside_the_tenants_own_root_is_written_and_served(string scheme)
    {
        var (tenant, client, upload) = await gateway.TenantAsync();
        var folder = Path.Combine(gateway.TenantRoot(tenant), "scores", "run-1"); // not there yet: created by the job

        using var invoked = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new
        {
            input = new { type = "uri_folder", path = upload },
            output = new { path = scheme + folder, file_name = "scored.csv" },
        });
        var created = await Problem.JsonAsync(invoked, HttpStatusCode.Accepted);
        var job = await DataRootsGateway.WaitAsync(client, created.GetProperty("name").GetString()!);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        var written = Path.Combine(folder, "scored.csv");
        var text = await File.ReadAllTextAsync(written);
        Assert.StartsWith("file_name,row,", text, StringComparison.Ordinal);
        Assert.Equal(570, text.TrimEnd('\n').Split('\n').Length); // header + 569 rows
        Assert.Equal(text, await client.GetStringAsync($"/v1/jobs/{job.GetProperty("name").GetString()}/outputs/score"));
        Assert.Equal([written], Directory.GetFileSystemEntries(folder)); // no work folder left behind
        Assert.Contains($"{scheme}{folder}/scored.csv", job.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_folder_in_a_shared_root_outside_the_platforms_directory_is_written()
    {
        var (tenant, client, upload) = await gateway.TenantAsync();
        var folder = Path.Combine(gateway.Shared, "common", tenant);

        using var invoked = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new { input = new { type = "uri_folder", path = upload }, output = new { path = folder } });
        var job = await DataRootsGateway.WaitAsync(client, (await Problem.JsonAsync(invoked, HttpStatusCode.Accepted)).GetProperty("name").GetString()!);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "predictions.csv")));
    }

    [Theory]
    [InlineData("{outside}/scores")]
    [InlineData("/etc")]
    [InlineData("file:///tmp")]
    [InlineData("{own}/../{other}/scores")]
    [InlineData("{own}/scores/../../../outside")]
    [InlineData("{own}/escape/scores")]
    [InlineData("{own}/escape")]
    [InlineData("{other}/scores")]
    [InlineData("{other}")]
    [InlineData("{platform}/files/tenants/{otherName}/outputs")]
    [InlineData("{platform}")]
    [InlineData("{platform}/data/{name}/scores")]
    public async Task An_output_folder_outside_the_tenants_own_roots_is_400_OutputNotAllowed_and_nothing_is_written(string template)
    {
        var (tenant, client, upload) = await gateway.TenantAsync();
        var (other, _, _) = await gateway.TenantAsync();
        var own = gateway.TenantRoot(tenant);
        File.CreateSymbolicLink(Path.Combine(own, "escape"), gateway.Outside);
        var path = template.Replace("{outside}", gateway.Outside).Replace("{own}", own).Replace("{other}", gateway.TenantRoot(other))
            .Replace("{platform}", gateway.DataDirectory).Replace("{otherName}", other).Replace("{name}", tenant);
        var before = Snapshot(gateway.Folder);

        using var response = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new
        {
            input = new { type = "uri_folder", path = upload },
            output = new { path },
            output_policy = "overwrite",
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "OutputNotAllowed", "output.path");
        Assert.DoesNotContain(gateway.Shared + ":", problem.GetRawText(), StringComparison.Ordinal); // the roots are not listed
        Assert.Empty((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
        Assert.Equal(before, Snapshot(gateway.Folder));
    }

    [Fact]
    public async Task An_output_file_that_is_a_link_is_400_OutputNotAllowed_and_its_target_is_unchanged()
    {
        var (tenant, client, upload) = await gateway.TenantAsync();
        var folder = Directory.CreateDirectory(Path.Combine(gateway.TenantRoot(tenant), "trap")).FullName;
        var target = Path.Combine(gateway.Outside, $"{tenant}-target.txt");
        await File.WriteAllTextAsync(target, "not the tenant's");
        File.CreateSymbolicLink(Path.Combine(folder, "predictions.csv"), target);

        using var response = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new
        {
            input = new { type = "uri_folder", path = upload },
            output = new { path = folder },
            output_policy = "overwrite",
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "OutputNotAllowed");
        Assert.Equal("not the tenant's", await File.ReadAllTextAsync(target));
        Assert.Empty((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task A_finished_local_output_replaced_by_a_link_is_not_served()
    {
        var (tenant, client, upload) = await gateway.TenantAsync();
        var folder = Path.Combine(gateway.TenantRoot(tenant), "linked");
        using var invoked = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new { input = new { type = "uri_folder", path = upload }, output = new { path = folder } });
        var name = (await Problem.JsonAsync(invoked, HttpStatusCode.Accepted)).GetProperty("name").GetString()!;
        Assert.Equal("Completed", (await DataRootsGateway.WaitAsync(client, name)).GetProperty("status").GetString());
        var secret = Path.Combine(gateway.Outside, "secret.txt");
        await File.WriteAllTextAsync(secret, "not the tenant's");

        File.Delete(Path.Combine(folder, "predictions.csv"));
        File.CreateSymbolicLink(Path.Combine(folder, "predictions.csv"), secret);
        using var response = await client.GetAsync($"/v1/jobs/{name}/outputs/score");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "OutputNotFound");
        Assert.DoesNotContain("not the tenant's", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem.GetRawText(), StringComparison.Ordinal); // the tenant's own path only
    }

    [Theory]
    [InlineData("{other}/data.csv")]
    [InlineData("{platform}/files")]
    [InlineData("{own}/escape/data.csv")]
    public async Task An_input_in_another_tenants_folder_or_the_platforms_directory_is_400_InputNotAllowed(string template)
    {
        var (tenant, client, _) = await gateway.TenantAsync();
        var (other, _, _) = await gateway.TenantAsync();
        await File.WriteAllTextAsync(Path.Combine(gateway.TenantRoot(other), "data.csv"), "mean radius\n1\n");
        await File.WriteAllTextAsync(Path.Combine(gateway.Outside, "data.csv"), "mean radius\n1\n");
        File.CreateSymbolicLink(Path.Combine(gateway.TenantRoot(tenant), "escape"), gateway.Outside);
        var path = template.Replace("{other}", gateway.TenantRoot(other)).Replace("{platform}", gateway.DataDirectory).Replace("{own}", gateway.TenantRoot(tenant));

        using var response = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new { input = new { type = path.EndsWith(".csv", StringComparison.Ordinal) ? "uri_file" : "uri_folder", path } });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputNotAllowed", "input.path");
        Assert.Empty((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
    }

    /// <summary>Every file under <paramref name="folder"/> with its size and time, except the platform's own database and temp files.</summary>
    private static string Snapshot(string folder) => string.Join("\n", Directory
        .EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        .Where(f => !f.Contains("/platform/", StringComparison.Ordinal) || f.Contains("/outputs/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));
}
