using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

public sealed class DeploymentsApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private async Task<TestTenant> TenantWithModelAndEndpointAsync(string endpoint = "scorer")
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync(endpoint);
        return tenant;
    }

    [Fact]
    public async Task Put_fills_in_Azure_defaults_and_pins_the_model()
    {
        var tenant = await TenantWithModelAndEndpointAsync();

        var response = await tenant.PutDeploymentAsync("scorer", "Blue", new { model = "azureml:cancer@latest" });

        var deployment = await Problem.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("blue", deployment.GetProperty("name").GetString());
        Assert.Equal("scorer", deployment.GetProperty("endpoint_name").GetString());
        Assert.Equal("model", deployment.GetProperty("type").GetString());
        Assert.Equal(1, deployment.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(1, deployment.GetProperty("resources").GetProperty("instance_count").GetInt32());
        var settings = deployment.GetProperty("settings");
        Assert.Equal(1, settings.GetProperty("max_concurrency_per_instance").GetInt32());
        Assert.Equal(10, settings.GetProperty("mini_batch_size").GetInt32());
        Assert.Equal(3, settings.GetProperty("retry_settings").GetProperty("max_retries").GetInt32());
        Assert.Equal(30, settings.GetProperty("retry_settings").GetProperty("timeout").GetInt32());
        Assert.Equal(-1, settings.GetProperty("error_threshold").GetInt32());
        Assert.Equal("info", settings.GetProperty("logging_level").GetString());
        Assert.Equal("append_row", settings.GetProperty("output_action").GetString());
        Assert.Equal("predictions.csv", settings.GetProperty("output_file_name").GetString());
    }

    [Theory]
    [InlineData("cancer:1")]
    [InlineData("azureml:cancer:1")]
    [InlineData("cancer@latest")]
    [InlineData("azureml:cancer@latest")]
    public async Task Every_model_reference_form_resolves(string reference)
    {
        var tenant = await TenantWithModelAndEndpointAsync();

        var deployment = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "blue", new { model = reference }), HttpStatusCode.Created);

        Assert.Equal("cancer", deployment.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(1, deployment.GetProperty("model").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Object_model_reference_resolves()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        await tenant.RegisterModelAsync("cancer");

        var pinned = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "blue", new { model = new { name = "cancer", version = 1 } }), HttpStatusCode.Created);
        var latest = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "green", new { model = new { name = "cancer", version = "latest" } }), HttpStatusCode.Created);

        Assert.Equal(1, pinned.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(2, latest.GetProperty("model").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Versions_are_immutable_and_count_up_only_on_change()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        var spec = new { model = "cancer@latest", settings = new { mini_batch_size = 5 } };

        var v1 = await tenant.PutDeploymentAsync("scorer", "blue", spec);
        var same = await tenant.PutDeploymentAsync("scorer", "blue", spec);
        await tenant.RegisterModelAsync("cancer"); // latest is now 2: the same body resolves differently
        var v2 = await tenant.PutDeploymentAsync("scorer", "blue", spec);
        var v3 = await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1", settings = new { mini_batch_size = "1000 rows" } });

        Assert.Equal(HttpStatusCode.Created, v1.StatusCode);
        Assert.Equal(1, (await Problem.JsonAsync(same, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await Problem.JsonAsync(v2, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        var third = await Problem.JsonAsync(v3, HttpStatusCode.OK);
        Assert.Equal(3, third.GetProperty("version").GetInt32());
        Assert.Equal("1000 rows", third.GetProperty("settings").GetProperty("mini_batch_size").GetString());

        using var reader = tenant.Reader();
        var first = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments/blue/versions/1"), HttpStatusCode.OK);
        var second = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments/blue/versions/2"), HttpStatusCode.OK);
        var current = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.OK);
        var all = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments/blue/versions"), HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(5, first.GetProperty("settings").GetProperty("mini_batch_size").GetInt32());
        Assert.Equal(2, second.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(3, current.GetProperty("version").GetInt32());
        Assert.Equal(3, first.GetProperty("latest_version").GetInt32());
        Assert.Equal([1, 2, 3], all.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        await Problem.AssertAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments/blue/versions/4"), HttpStatusCode.NotFound, "DeploymentVersionNotFound");
    }

    [Fact]
    public async Task Putting_back_what_get_returned_changes_nothing()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer@latest", settings = new { mini_batch_size = "2MB", environment_variables = new { A = "1" } } })).EnsureSuccessStatusCode();
        using var client = tenant.Contributor();
        var deployment = await client.GetStringAsync("/v1/endpoints/scorer/deployments/blue");
        var endpoint = await client.GetStringAsync("/v1/endpoints/scorer");

        var deploymentAgain = await client.PutAsync("/v1/endpoints/scorer/deployments/blue", new StringContent(deployment, Encoding.UTF8, "application/json"));
        var endpointAgain = await client.PutAsync("/v1/endpoints/scorer", new StringContent(endpoint, Encoding.UTF8, "application/json"));

        Assert.Equal(1, (await Problem.JsonAsync(deploymentAgain, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await Problem.JsonAsync(endpointAgain, HttpStatusCode.OK)).GetProperty("version").GetInt32()); // 1 created, 2 when blue was listed
    }

    [Fact]
    public async Task First_deployment_becomes_default_and_set_default_switches()
    {
        var tenant = await TenantWithModelAndEndpointAsync();

        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        (await tenant.PutDeploymentAsync("scorer", "green", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        using var reader = tenant.Reader();
        var afterTwo = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        (await tenant.PutDeploymentAsync("scorer", "green", new { model = "cancer:1" }, "?set_default=true")).EnsureSuccessStatusCode();
        var afterSwitch = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);

        Assert.Equal("blue", afterTwo.GetProperty("defaults").GetProperty("deployment_name").GetString());
        Assert.Equal(["blue", "green"], afterTwo.GetProperty("deployments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("green", afterSwitch.GetProperty("defaults").GetProperty("deployment_name").GetString());
        var list = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints/scorer/deployments"), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Default_deployment_cannot_be_deleted_until_the_default_moves()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        (await tenant.PutDeploymentAsync("scorer", "green", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        using var client = tenant.Contributor();

        var refused = await client.DeleteAsync("/v1/endpoints/scorer/deployments/blue");
        var switched = await client.PatchAsJsonAsync("/v1/endpoints/scorer", new { defaults = new { deployment_name = "green" } });
        var deleted = await client.DeleteAsync("/v1/endpoints/scorer/deployments/blue");

        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, "DeploymentIsDefault");
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
        var endpoint = await Problem.JsonAsync(await client.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        Assert.Equal(["green"], endpoint.GetProperty("deployments").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Deleting_an_endpoint_deletes_its_deployments()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        using var client = tenant.Contributor();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/endpoints/scorer")).StatusCode);
        await tenant.CreateEndpointAsync("scorer");

        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
        Assert.Equal(0, (await Problem.JsonAsync(await client.GetAsync("/v1/endpoints/scorer/deployments"), HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Deployment_stale_if_match_is_412()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1", settings = new { mini_batch_size = 3 } })).EnsureSuccessStatusCode();
        using var client = tenant.Contributor();
        var put = new HttpRequestMessage(HttpMethod.Put, "/v1/endpoints/scorer/deployments/blue") { Content = JsonContent.Create(new { model = "cancer:1" }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/v1/endpoints/scorer/deployments/blue");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        await Problem.AssertAsync(await client.SendAsync(put), HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        await Problem.AssertAsync(await client.SendAsync(delete), HttpStatusCode.PreconditionFailed, "PreconditionFailed");
    }

    [Fact]
    public async Task Azure_deployment_yaml_is_accepted_as_it_is()
    {
        var tenant = await TenantWithModelAndEndpointAsync("heart-classifier");
        const string yaml = """
            $schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json
            endpoint_name: heart-classifier
            name: classifier-xgboost
            description: A heart condition classifier based on XGBoost
            type: model
            model: azureml:cancer@latest
            compute: azureml:batch-cluster
            resources:
              instance_count: 2
            settings:
              max_concurrency_per_instance: 2
              mini_batch_size: 10MB
              output_action: append_row
              output_file_name: predictions.csv
              retry_settings:
                max_retries: 3
                timeout: 300
              error_threshold: -1
              logging_level: info
              environment_variables:
                LIMIT: 100
            tags:
              stage: dev
            """;
        using var client = tenant.Contributor();
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/yaml");

        var deployment = await Problem.JsonAsync(await client.PutAsync("/v1/endpoints/heart-classifier/deployments/classifier-xgboost", content), HttpStatusCode.Created);

        Assert.Equal(2, deployment.GetProperty("resources").GetProperty("instance_count").GetInt32());
        Assert.Equal("azureml:batch-cluster", deployment.GetProperty("compute").GetString());
        Assert.Equal(["compute"], deployment.GetProperty("ignored_settings").EnumerateArray().Select(s => s.GetString()));
        var settings = deployment.GetProperty("settings");
        Assert.Equal("10MB", settings.GetProperty("mini_batch_size").GetString());
        Assert.Equal(300, settings.GetProperty("retry_settings").GetProperty("timeout").GetInt32());
        Assert.Equal("100", settings.GetProperty("environment_variables").GetProperty("LIMIT").GetString());
    }

    [Fact]
    public async Task Top_level_settings_of_older_Azure_yaml_are_accepted()
    {
        var tenant = await TenantWithModelAndEndpointAsync();

        var deployment = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "legacy", new
        {
            model = "azureml:cancer:1",
            mini_batch_size = 20,
            max_concurrency_per_instance = 4,
            output_action = "summary_only",
            retry_settings = new { max_retries = 1, timeout = 60 },
        }), HttpStatusCode.Created);

        var settings = deployment.GetProperty("settings");
        Assert.Equal(20, settings.GetProperty("mini_batch_size").GetInt32());
        Assert.Equal(4, settings.GetProperty("max_concurrency_per_instance").GetInt32());
        Assert.Equal("summary_only", settings.GetProperty("output_action").GetString());
        Assert.Equal(60, settings.GetProperty("retry_settings").GetProperty("timeout").GetInt32());
    }

    [Fact]
    public async Task Pipeline_deployment_pins_every_step()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        await tenant.RegisterModelAsync("prep", RepositoryPaths.BreastCancerPreprocess);

        var deployment = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "chain", new
        {
            type = "pipeline",
            steps = new object[] { new { model = "prep@latest" }, new { model = new { name = "cancer", version = 1 } } },
        }), HttpStatusCode.Created);

        Assert.Equal("pipeline", deployment.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, deployment.GetProperty("model").ValueKind);
        Assert.Equal(["prep:1", "cancer:1"], deployment.GetProperty("steps").EnumerateArray()
            .Select(s => $"{s.GetProperty("model").GetProperty("name").GetString()}:{s.GetProperty("model").GetProperty("version").GetInt32()}"));
    }

    [Fact]
    public async Task Pipeline_steps_that_do_not_fit_are_400_naming_the_step_the_tensor_and_the_mismatch()
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        await tenant.RegisterModelAsync("prep", RepositoryPaths.BreastCancerPreprocess);
        await tenant.RegisterModelAsync("wine", RepositoryPaths.Sample("tree-ensemble", "model.onnx"));

        var response = await tenant.PutDeploymentAsync("scorer", "chain", new { type = "pipeline", steps = new[] { new { model = "prep:1" }, new { model = "wine:1" } } });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "steps[1].model");
        var message = problem.GetProperty("errors").GetProperty("steps[1].model")[0].GetString()!;
        Assert.Contains("step 2 (wine:1) input 'input' float [N,13]", message);
        Assert.Contains("step 1 (prep:1) output 'scaled' float [N,30]", message);
        Assert.Contains("dimension 1 is 30, the input takes 13", message);
    }

    private static string[] Features => File.ReadLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv")).First().Split(',');

    [Fact]
    public async Task Column_settings_are_kept_and_shown()
    {
        var tenant = await TenantWithModelAndEndpointAsync();

        var deployment = await Problem.JsonAsync(await tenant.PutDeploymentAsync("scorer", "cols", new
        {
            model = "cancer:1",
            settings = new { input_columns = Features, passthrough_columns = new[] { "id" } },
        }), HttpStatusCode.Created);

        var settings = deployment.GetProperty("settings");
        Assert.Equal(Features, settings.GetProperty("input_columns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["id"], settings.GetProperty("passthrough_columns").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string, string, string> BadDeployments => new()
    {
        { """{"model":"ghost:1"}""", "ModelNotFound", "model" },
        { """{"model":"cancer:7"}""", "ModelNotFound", "model" },
        { """{"model":"cancer"}""", "ValidationFailed", "model" },
        { """{"model":"cancer@best"}""", "ValidationFailed", "model" },
        { """{"model":{"path":"./model.onnx"}}""", "ValidationFailed", "model" },
        { """{}""", "ValidationFailed", "model" },
        { """{"type":"pipeline","steps":[{"model":"ghost@latest"}]}""", "ModelNotFound", "steps[0].model" },
        { """{"type":"pipeline"}""", "ValidationFailed", "steps" },
        { """{"type":"pipeline","model":"cancer:1","steps":[{"model":"cancer:1"}]}""", "ValidationFailed", "model" },
        { """{"model":"cancer:1","steps":[{"model":"cancer:1"}]}""", "ValidationFailed", "steps" },
        { """{"type":"pipeline","steps":[{"model":"cancer:1"},{"model":"cancer:1"}]}""", "ValidationFailed", "steps[1].model" },
        { """{"model":"cancer:1","settings":{"input_columns":["a","a"]}}""", "ValidationFailed", "settings.input_columns" },
        { """{"model":"cancer:1","settings":{"input_columns":["a","b"]}}""", "ValidationFailed", "settings.input_columns" },
        { """{"model":"cancer:1","settings":{"passthrough_columns":[""]}}""", "ValidationFailed", "settings.passthrough_columns" },
        { """{"model":"cancer:1","settings":{"output_format":"xlsx"}}""", "ValidationFailed", "settings.output_format" },
        { """{"type":"script","model":"cancer:1"}""", "ValidationFailed", "type" },
        { """{"model":"cancer:1","settings":{"mini_batch_size":-5}}""", "ValidationFailed", "settings.mini_batch_size" },
        { """{"model":"cancer:1","settings":{"mini_batch_size":"10 parsecs"}}""", "ValidationFailed", "settings.mini_batch_size" },
        { """{"model":"cancer:1","settings":{"mini_batch_size":2.5}}""", "ValidationFailed", "settings.mini_batch_size" },
        { """{"model":"cancer:1","settings":{"retry_settings":{"timeout":0}}}""", "ValidationFailed", "settings.retry_settings.timeout" },
        { """{"model":"cancer:1","settings":{"retry_settings":{"max_retries":101}}}""", "ValidationFailed", "settings.retry_settings.max_retries" },
        { """{"model":"cancer:1","settings":{"output_action":"overwrite"}}""", "ValidationFailed", "settings.output_action" },
        { """{"model":"cancer:1","settings":{"output_file_name":"../x.csv"}}""", "ValidationFailed", "settings.output_file_name" },
        { """{"model":"cancer:1","settings":{"logging_level":"verbose"}}""", "ValidationFailed", "settings.logging_level" },
        { """{"model":"cancer:1","settings":{"error_threshold":-2}}""", "ValidationFailed", "settings.error_threshold" },
        { """{"model":"cancer:1","settings":{"max_concurrency_per_instance":0}}""", "ValidationFailed", "settings.max_concurrency_per_instance" },
        { """{"model":"cancer:1","settings":{"max_concurrency_per_instance":"two"}}""", "ValidationFailed", "settings.max_concurrency_per_instance" },
        { """{"model":"cancer:1","settings":{"environment_variables":{"A":{"b":1}}}}""", "ValidationFailed", "settings.environment_variables.A" },
        { """{"model":"cancer:1","resources":{"instance_count":0}}""", "ValidationFailed", "resources.instance_count" },
        { """{"model":"cancer:1","resources":{"instance_count":1000}}""", "ValidationFailed", "resources.instance_count" },
        { """{"model":"cancer:1","name":"other"}""", "ValidationFailed", "name" },
        { """{"model":"cancer:1","endpoint_name":"other"}""", "ValidationFailed", "endpoint_name" },
        { """{"model":"cancer:1","code_configuration":{"code":"./src","scoring_script":"score.py"}}""", "ScoringScriptNotSupported", "code_configuration" },
        { """{"model":"cancer:1","settings":{"mini_bach_size":5}}""", "ValidationFailed", "settings.mini_bach_size" },
    };

    [Theory]
    [MemberData(nameof(BadDeployments))]
    public async Task Bad_deployments_are_400_with_the_field_and_reason(string body, string code, string field)
    {
        var tenant = await TenantWithModelAndEndpointAsync();
        using var client = tenant.Contributor();

        var response = await client.PutAsync("/v1/endpoints/scorer/deployments/blue", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, code, field);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
    }

    [Fact]
    public async Task Deployment_of_a_missing_endpoint_is_404()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.RegisterModelAsync("cancer");

        await Problem.AssertAsync(await tenant.PutDeploymentAsync("nowhere", "blue", new { model = "cancer:1" }), HttpStatusCode.NotFound, "EndpointNotFound");
    }

    [Fact]
    public async Task Another_tenants_deployments_are_404_and_readers_cannot_write()
    {
        var owner = await TenantWithModelAndEndpointAsync();
        (await owner.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        var stranger = await gateway.CreateTenantAsync();
        await stranger.RegisterModelAsync("cancer");
        using var other = stranger.Admin();
        using var reader = owner.Reader();

        await Problem.AssertAsync(await other.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
        await Problem.AssertAsync(await other.GetAsync("/v1/endpoints/scorer/deployments/blue/versions/1"), HttpStatusCode.NotFound, "DeploymentNotFound");
        await Problem.AssertAsync(await other.DeleteAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
        await Problem.AssertAsync(await other.PutAsJsonAsync("/v1/endpoints/scorer/deployments/blue", new { model = "cancer:1" }), HttpStatusCode.NotFound, "EndpointNotFound");
        await Problem.AssertAsync(await reader.PutAsJsonAsync("/v1/endpoints/scorer/deployments/blue", new { model = "cancer:1" }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.DeleteAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.Forbidden, "Forbidden");
    }
}
