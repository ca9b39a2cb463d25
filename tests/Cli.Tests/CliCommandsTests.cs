using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Cli.Tests.Support;

namespace OrleansBatch.Cli.Tests;

/// <summary>Every verb of <c>obatch</c>, run through its entry point against the real gateway (in-process), with YAML from files.</summary>
public sealed class CliCommandsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("obatch-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_Azure_ML_flow_runs_verb_by_verb_from_yaml_files()
    {
        var tenant = await gateway.CreateTenantAsync("cli");
        using var cli = new InProcessCli(gateway, tenant.ContributorKey);
        var endpointYml = Write("endpoint.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json
            name: mnist-batch
            description: A batch endpoint for scoring images from the MNIST dataset.
            tags:
              type: deep-learning
            auth_mode: aad_token
            """);
        var deploymentYml = Write("deployment.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json
            name: mnist-onnx-dpl
            endpoint_name: mnist-batch
            type: model
            model: azureml:digits@latest
            compute: azureml:batch-cluster
            resources:
              instance_count: 1
            settings:
              max_concurrency_per_instance: 2
              mini_batch_size: 10
              retry_settings:
                max_retries: 3
                timeout: 30
            """);

        Assert.Equal("digits\t1", await cli.OkAsync("model", "create", "--name", "digits", "--type", "custom_model", "--path", RepositoryPaths.Sample("digits", "model.onnx"), "--query", "{n:name, v:version}", "-o", "tsv"));
        Assert.Equal("onnx", await cli.OkAsync("model", "show", "--name", "digits", "--query", "type", "-o", "tsv"));
        Assert.Equal("aad_token", await cli.OkAsync("batch-endpoint", "create", "--file", endpointYml, "--name", "mnist-batch", "--query", "auth_mode", "-o", "tsv"));
        var created = await cli.RunAsync("batch-deployment", "create", "--file", deploymentYml, "--endpoint-name", "mnist-batch", "--set-default", "--set", "settings.mini_batch_size=6");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("'compute' is accepted for Azure ML compatibility and has no effect here", created.Error);
        Assert.Equal(6, Json(created.Output).GetProperty("settings").GetProperty("mini_batch_size").GetInt32());
        Assert.Equal("mnist-onnx-dpl", await cli.OkAsync("batch-endpoint", "show", "--name", "mnist-batch", "--query", "defaults.deployment_name", "-o", "tsv"));
        Assert.Contains("mnist-onnx-dpl", await cli.OkAsync("batch-deployment", "list", "--endpoint-name", "mnist-batch", "-o", "table"));
        Assert.Equal("mnist-batch", await cli.OkAsync("batch-endpoint", "list", "--query", "[].name", "-o", "tsv"));

        // Invoke with the local images folder (uploaded first), then stream: log lines on stdout, progress lines on stderr (redirected).
        var invoke = await cli.RunAsync("batch-endpoint", "invoke", "--name", "mnist-batch", "--input", RepositoryPaths.Sample("digits", "images"), "--input-type", "uri_folder", "--query", "name", "-o", "tsv");
        Assert.Equal(0, invoke.ExitCode);
        Assert.Contains("Uploaded 60 files", invoke.Error);
        var job = invoke.Output.Trim();
        Assert.StartsWith("batchjob-", job);
        var stream = await cli.RunAsync("job", "stream", "--name", job);
        Assert.True(stream.ExitCode == 0, stream.ToString());
        Assert.Contains("job completed: 60 items scored", stream.Output);
        Assert.Contains($"{job}: mini-batches 10/10 (0 running, 0 failed), items 60 ok 0 failed, 60 rows", stream.Error);
        Assert.Contains($"Job {job} Completed", stream.Error);
        Assert.Equal("Completed", await cli.OkAsync("job", "show", "-n", job, "--query", "status", "-o", "tsv"));
        Assert.Equal("uri_folder\t60", await cli.OkAsync("job", "show", "-n", job, "--query", "inputs.input.{t:type, f:files}", "-o", "tsv"));

        await cli.OkAsync("job", "download", "--name", job, "--output-name", "score", "--download-path", _work);
        var predictions = File.ReadAllLines(Path.Combine(_work, "named-outputs", "score", "predictions.csv"));
        Assert.Equal(61, predictions.Length);
        Assert.Equal(File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv"))[0], predictions[0]);
        Assert.Equal(job, await cli.OkAsync("batch-deployment", "list-jobs", "--name", "mnist-onnx-dpl", "--endpoint-name", "mnist-batch", "--query", "[0].name", "-o", "tsv"));

        // A second deployment, invoked by name with per-job overrides and --wait; then it becomes the default.
        var second = Write("second.yml", "name: mnist-big\nmodel: azureml:digits:1\nmini_batch_size: 20\n");
        await cli.OkAsync("batch-deployment", "create", "--file", second, "--endpoint-name", "mnist-batch");
        var waited = await cli.RunAsync("batch-endpoint", "invoke", "--name", "mnist-batch", "--deployment-name", "mnist-big", "--input", RepositoryPaths.Sample("digits", "images"),
            "--mini-batch-size", "30", "--set", "settings.retry_settings.max_retries=1", "error_threshold=5", "--wait");
        Assert.True(waited.ExitCode == 0, waited.ToString());
        var done = Json(waited.Output);
        Assert.Equal(("Completed", "mnist-big", 30, 1, 5), (done.GetProperty("status").GetString(), done.GetProperty("deployment").GetString(),
            done.GetProperty("settings").GetProperty("mini_batch_size").GetInt32(), done.GetProperty("settings").GetProperty("retry_settings").GetProperty("max_retries").GetInt32(),
            done.GetProperty("settings").GetProperty("error_threshold").GetInt32()));
        Assert.Contains("mini-batches 2/2", waited.Error);

        await cli.OkAsync("batch-endpoint", "update", "--name", "mnist-batch", "--set", "defaults.deployment_name=mnist-big");
        var shown = Json(await cli.OkAsync("batch-endpoint", "show", "--name", "mnist-batch", "--query", "{Name:name, Defaults:defaults}"));
        Assert.Equal("mnist-big", shown.GetProperty("Defaults").GetProperty("deployment_name").GetString());
        await cli.OkAsync("batch-deployment", "update", "--name", "mnist-big", "--endpoint-name", "mnist-batch", "--set", "settings.max_concurrency_per_instance=3");
        Assert.Equal("3\t2", await cli.OkAsync("batch-deployment", "show", "--name", "mnist-big", "--endpoint-name", "mnist-batch", "--query", "{c:settings.max_concurrency_per_instance, v:version}", "-o", "tsv"));

        await cli.OkAsync("batch-deployment", "delete", "--name", "mnist-onnx-dpl", "--endpoint-name", "mnist-batch", "--yes");
        await cli.OkAsync("batch-endpoint", "delete", "--name", "mnist-batch", "--yes");
        Assert.Equal(3, (await cli.RunAsync("batch-endpoint", "show", "--name", "mnist-batch")).ExitCode);
        Assert.Equal("Completed", await cli.OkAsync("job", "show", "-n", job, "--query", "status", "-o", "tsv")); // jobs outlive their endpoint
    }

    [Fact]
    public async Task Exit_codes_tell_usage_errors_from_missing_things_and_failed_jobs()
    {
        var tenant = await gateway.CreateTenantAsync("codes");
        using var cli = new InProcessCli(gateway, tenant.ContributorKey);

        var missing = await cli.RunAsync("batch-endpoint", "show");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--name", missing.Error);
        Assert.Equal(2, (await cli.RunAsync("batch-endpoint", "show", "--name", "x", "--no-such-option")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("batch-endpoint", "list", "-o", "yamlish")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("batch-endpoint", "list", "--query", "[?broken")).ExitCode);

        await cli.OkAsync("batch-endpoint", "create", "--name", "codes");
        var typo = await cli.RunAsync("batch-deployment", "create", "--endpoint-name", "codes", "--file", Write("typo.yml", "name: blue\nmodel: azureml:digits:1\nsettings:\n  mini_bach_size: 3\n"));
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("'settings.mini_bach_size' is not a key this platform knows (did you mean 'mini_batch_size'?)", typo.Error);
        var script = await cli.RunAsync("batch-deployment", "create", "--endpoint-name", "codes", "--file",
            Write("script.yml", "name: blue\nmodel: azureml:digits:1\ncode_configuration:\n  code: code\n  scoring_script: batch_driver.py\nenvironment: azureml:torch:1\n"));
        Assert.Equal(2, script.ExitCode);
        Assert.Contains("'code_configuration' and 'environment' cannot be honoured", script.Error);
        Assert.Contains("obatch model create", script.Error);
        Assert.Equal(2, (await cli.RunAsync("batch-deployment", "create", "--endpoint-name", "codes", "--file", Path.Combine(_work, "absent.yml"))).ExitCode);

        var noDeployment = await cli.RunAsync("batch-endpoint", "invoke", "--name", "codes", "--deployment-name", "nope", "--input", RepositoryPaths.Sample("digits", "images"));
        Assert.Equal(2, noDeployment.ExitCode);
        Assert.Contains("Deployment name nope not found for endpoint codes", noDeployment.Error);
        Assert.DoesNotContain("Uploaded", noDeployment.Error); // checked before any upload
        Assert.Equal(3, (await cli.RunAsync("batch-endpoint", "invoke", "--name", "nowhere", "--input", RepositoryPaths.Sample("digits", "images"))).ExitCode);

        var notFound = await cli.RunAsync("job", "show", "--name", "batchjob-none");
        Assert.Equal(3, notFound.ExitCode);
        Assert.Contains("error: (JobNotFound)", notFound.Error);
        cli.Environment["OBATCH_API_KEY"] = "obk_wrong";
        Assert.Equal(3, (await cli.RunAsync("batch-endpoint", "list")).ExitCode);
        cli.Environment["OBATCH_API_KEY"] = tenant.ContributorKey;

        // A job whose every item fails (not images) ends Failed: --wait exits 1 and says why.
        await cli.OkAsync("model", "create", "--name", "digits", "--path", RepositoryPaths.Sample("digits", "model.onnx"));
        await cli.OkAsync("batch-deployment", "create", "--endpoint-name", "codes", "--file", Write("ok.yml", "name: blue\nmodel: azureml:digits:1\n"));
        var bad = Directory.CreateDirectory(Path.Combine(_work, "not-images")).FullName;
        File.WriteAllText(Path.Combine(bad, "a.png"), "not a png");
        File.WriteAllText(Path.Combine(bad, "b.png"), "not a png either");
        var failed = await cli.RunAsync("batch-endpoint", "invoke", "--name", "codes", "--input", bad, "--set", "error_threshold=0", "--wait", "--query", "status", "-o", "tsv");
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("Failed", failed.Output.Trim());
        Assert.Contains("error: (", failed.Error);
    }

    [Fact]
    public async Task Login_saves_a_private_profile_that_later_commands_use()
    {
        var tenant = await gateway.CreateTenantAsync("login");
        using var cli = new InProcessCli(gateway, tenant.ReaderKey);
        var endpoint = cli.Environment["OBATCH_ENDPOINT"];
        cli.Environment.Clear();

        Assert.Equal(2, (await cli.RunAsync("batch-endpoint", "list")).ExitCode); // nothing to connect with
        Assert.Equal(3, (await cli.RunAsync("login", "--endpoint", endpoint, "--api-key", "obk_wrong")).ExitCode);
        Assert.False(File.Exists(Path.Combine(cli.ConfigDirectory, "profile.json")));

        var login = await cli.RunAsync("login", "--endpoint", endpoint, "--api-key", tenant.ReaderKey);
        Assert.True(login.ExitCode == 0, login.ToString());
        var profile = Path.Combine(cli.ConfigDirectory, "profile.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profile));
        Assert.DoesNotContain(tenant.ReaderKey, login.Output + login.Error);
        Assert.Equal("[]", (await cli.OkAsync("batch-endpoint", "list")).Replace(" ", "").Replace("\n", ""));
        Assert.Equal(3, (await cli.RunAsync("batch-endpoint", "create", "--name", "nope")).ExitCode); // a reader may not write

        using var admin = new InProcessCli(gateway, GatewayFixture.AdminKey);
        var name = $"made-{Guid.NewGuid().ToString("N")[..8]}";
        await admin.OkAsync("tenant", "create", "--name", name);
        var key = await admin.OkAsync("tenant", "key", "create", "--tenant", name, "--role", "contributor", "--query", "key", "-o", "tsv");
        Assert.StartsWith("obk_", key);
    }

    [Fact]
    public async Task Data_assets_and_data_roots_with_a_tenant_placeholder()
    {
        var owner = await gateway.CreateTenantAsync("roots");
        var other = await gateway.CreateTenantAsync("roots");
        using var cli = new InProcessCli(gateway, owner.ContributorKey);
        using var otherCli = new InProcessCli(gateway, other.ContributorKey);
        foreach (var c in new[] { cli, otherCli })
        {
            await c.OkAsync("model", "create", "--name", "digits", "--path", RepositoryPaths.Sample("digits", "model.onnx"));
            await c.OkAsync("batch-endpoint", "create", "--name", "digits");
            await c.OkAsync("batch-deployment", "create", "--endpoint-name", "digits", "--file", Write($"d-{Guid.NewGuid():N}.yml", "name: blue\nmodel: azureml:digits@latest\nmini_batch_size: 20\n"));
        }

        // A data asset from a local folder (uploaded), invoked as azureml:<name>@latest.
        Assert.StartsWith("upload://", await cli.OkAsync("data", "create", "--name", "digit-images", "--path", RepositoryPaths.Sample("digits", "images"), "--query", "path", "-o", "tsv"));
        Assert.Equal("Completed", await cli.OkAsync("batch-endpoint", "invoke", "--name", "digits", "--input", "azureml:digit-images@latest", "--wait", "--query", "status", "-o", "tsv"));

        // The default data root <data dir>/data/{tenant}: the owner reads its folder without an upload; the other tenant cannot.
        var folder = Path.Combine(gateway.DataDirectory, "data", owner.Name, "digits");
        Scripts.CopyFolder(RepositoryPaths.Sample("digits", "images"), folder);
        Assert.Equal("Completed\t60", await cli.OkAsync("batch-endpoint", "invoke", "--name", "digits", "--input", "file://" + folder, "--wait", "--query", "{s:status, n:progress.items.succeeded}", "-o", "tsv"));
        var refused = await otherCli.RunAsync("batch-endpoint", "invoke", "--name", "digits", "--input", "file://" + folder, "--wait");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("(InputNotAllowed)", refused.Error);
        Assert.DoesNotContain(owner.Name, refused.Error.Replace(folder, ""));
    }

    [Fact]
    public async Task Listing_errors_cancel_and_key_verbs_work_too()
    {
        var tenant = await gateway.CreateTenantAsync("verbs");
        using var cli = new InProcessCli(gateway, tenant.ContributorKey);
        await cli.OkAsync("model", "create", "--name", "digits", "--path", RepositoryPaths.Sample("digits", "model.onnx"));
        await cli.OkAsync("model", "create", "--name", "digits", "--path", RepositoryPaths.Sample("digits", "model.onnx"));
        Assert.Equal("digits\t2", await cli.OkAsync("model", "list", "--query", "[0].{n:name, v:latest_version}", "-o", "tsv"));
        Assert.Equal("1\n2", await cli.OkAsync("model", "list", "--name", "digits", "--query", "[].version", "-o", "tsv"));
        Assert.Equal("1", await cli.OkAsync("model", "show", "--name", "digits", "--version", "1", "--query", "version", "-o", "tsv"));
        await cli.OkAsync("data", "create", "--name", "one-image", "--path", RepositoryPaths.Sample("digits", "images", "digit_000.png"));
        Assert.Equal("uri_file", await cli.OkAsync("data", "show", "--name", "one-image", "--query", "type", "-o", "tsv"));
        Assert.Equal("one-image", await cli.OkAsync("data", "list", "--query", "[].name", "-o", "tsv"));
        await cli.OkAsync("batch-endpoint", "create", "--name", "verbs");
        await cli.OkAsync("batch-deployment", "create", "--endpoint-name", "verbs", "--file", Write("verbs.yml", "name: blue\nmodel: azureml:digits:2\n"));

        var bad = Directory.CreateDirectory(Path.Combine(_work, "mixed")).FullName;
        File.Copy(RepositoryPaths.Sample("digits", "images", "digit_000.png"), Path.Combine(bad, "a.png"));
        File.WriteAllText(Path.Combine(bad, "b.png"), "not a png");
        var job = await cli.OkAsync("batch-endpoint", "invoke", "--name", "verbs", "--input", bad, "--wait", "--query", "name", "-o", "tsv");
        Assert.Equal("b.png", await cli.OkAsync("job", "errors", "--name", job, "--query", "[].file_name", "-o", "tsv"));
        Assert.Equal(job, await cli.OkAsync("batch-endpoint", "list-jobs", "--name", "verbs", "--query", "[].name", "-o", "tsv"));
        Assert.Equal(job, await cli.OkAsync("job", "list", "--endpoint-name", "verbs", "--status", "Completed", "--max-results", "1", "--query", "[].name", "-o", "tsv"));
        var cancel = await cli.RunAsync("job", "cancel", "--name", job);
        Assert.Equal(1, cancel.ExitCode); // it has ended: 409
        Assert.Contains("(JobTerminal)", cancel.Error);

        using var admin = new InProcessCli(gateway, GatewayFixture.AdminKey);
        Assert.Contains(tenant.Name, await admin.OkAsync("tenant", "list", "--query", "[].name", "-o", "tsv"));
        var keys = await admin.OkAsync("tenant", "key", "list", "--tenant", tenant.Name, "--query", "[].{id:id, role:role}", "-o", "tsv");
        var contributorKeyId = keys.Split('\n').Select(l => l.Split('\t')).First(p => p[1] == "contributor")[0];
        await admin.OkAsync("tenant", "key", "delete", "--tenant", tenant.Name, "--id", contributorKeyId);
        Assert.Equal(3, (await cli.RunAsync("batch-endpoint", "list")).ExitCode); // the revoked key stops at once
    }

    [Fact]
    public async Task On_a_terminal_the_progress_is_a_live_bar()
    {
        var tenant = await gateway.CreateTenantAsync("bar");
        using var cli = new InProcessCli(gateway, tenant.ContributorKey) { ErrorIsTerminal = true };
        await cli.OkAsync("model", "create", "--name", "digits", "--path", RepositoryPaths.Sample("digits", "model.onnx"));
        await cli.OkAsync("batch-endpoint", "create", "--name", "bar");
        await cli.OkAsync("batch-deployment", "create", "--endpoint-name", "bar", "--file", Write("bar.yml", "name: blue\nmodel: azureml:digits:1\nmini_batch_size: 5\n"));

        var run = await cli.RunAsync("batch-endpoint", "invoke", "--name", "bar", "--input", RepositoryPaths.Sample("digits", "images"), "--wait", "--query", "status", "-o", "tsv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Completed", run.Output.Trim()); // the result stays clean on stdout
        Assert.Contains("\u001b[", run.Error); // drawn with ANSI control sequences
        Assert.Contains("━", run.Error); // the bar
        Assert.Contains("100%", run.Error);
        Assert.Contains("Completed", run.Error);

        // Streaming on one screen: the log lines go through the console that draws the bar, above it.
        cli.OutputIsTerminal = true;
        var stream = await cli.RunAsync("job", "stream", "--name", (await cli.OkAsync("job", "list", "--query", "[0].name", "-o", "tsv")));
        Assert.True(stream.ExitCode == 0, stream.ToString());
        Assert.Contains("gateway: job created", stream.Error); // the log's first line (wrapped at the terminal's width)
        Assert.Equal("", stream.Output);
        Assert.Contains("━", stream.Error);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
