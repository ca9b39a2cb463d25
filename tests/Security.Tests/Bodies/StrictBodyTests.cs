using System.Net;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Bodies;

/// <summary>
/// A typo in a key used to be ignored and the default used (<c>mini_bach_size</c> ran with 10). Every body now refuses
/// keys its contract does not know, naming the field and the key it probably meant; nothing is stored.
/// </summary>
[Collection(SecurityGateway.Name)]
public sealed class StrictBodyTests(GatewayFixture gateway)
{
    public static TheoryData<string, string, string> DeploymentTypos => new()
    {
        { """{"model":"cancer:1","settings":{"mini_bach_size":5}}""", "settings.mini_bach_size", "mini_batch_size" },
        { """{"model":"cancer:1","settings":{"retry_setings":{"max_retries":1}}}""", "settings.retry_setings", "retry_settings" },
        { """{"model":"cancer:1","resouces":{"instance_count":2}}""", "resouces", "resources" },
        { """{"model":"cancer:1","settings":{"output_acton":"summary_only"}}""", "settings.output_acton", "output_action" },
        { """{"model":"cancer:1","settings":{"retry_settings":{"timout":5}}}""", "settings.retry_settings.timout", "timeout" },
        { """{"model":{"name":"cancer","verison":1}}""", "model.verison", "version" },
        { """{"type":"pipeline","steps":[{"modle":"cancer:1"}]}""", "steps[0].modle", "model" },
    };

    [Theory]
    [MemberData(nameof(DeploymentTypos))]
    public async Task A_mistyped_deployment_key_is_400_naming_the_field_with_a_suggestion(string body, string field, string suggestion)
    {
        var tenant = await gateway.CreateTenantAsync("typo");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using var client = tenant.Contributor();

        var problem = await Problem.AssertAsync(await client.PutAsync("/v1/endpoints/scorer/deployments/blue", Json(body)), HttpStatusCode.BadRequest, "ValidationFailed", field);

        Assert.Contains($"did you mean '{suggestion}'", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
    }

    [Fact]
    public async Task A_mistyped_key_in_deployment_yaml_is_400()
    {
        var tenant = await gateway.CreateTenantAsync("typo");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using var client = tenant.Contributor();

        var response = await client.PutAsync("/v1/endpoints/scorer/deployments/blue", Yaml("model: azureml:cancer:1\nsettings:\n  mini_bach_size: 5\n"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "settings.mini_bach_size");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
    }

    [Fact]
    public async Task Every_key_of_azure_ml_deployment_yaml_is_accepted_and_the_unused_ones_are_listed()
    {
        var tenant = await gateway.CreateTenantAsync("azure");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using var client = tenant.Contributor();
        const string yaml = """
            $schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json
            name: blue
            endpoint_name: scorer
            type: model
            description: all keys
            tags: {stage: dev}
            model: azureml:cancer:1
            environment: azureml:sklearn:1
            compute: azureml:batch-cluster
            resources:
              instance_count: 1
              instance_type: Standard_DS3_v2
            settings:
              max_concurrency_per_instance: 1
              mini_batch_size: 10
              retry_settings: {max_retries: 3, timeout: 30}
              error_threshold: -1
              logging_level: info
              output_action: append_row
              output_file_name: predictions.csv
              environment_variables: {A: 1}
            """;

        var deployment = await Problem.JsonAsync(await client.PutAsync("/v1/endpoints/scorer/deployments/blue", Yaml(yaml)), HttpStatusCode.Created);

        Assert.Equal(["compute", "environment", "resources.instance_type"], deployment.GetProperty("ignored_settings").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string, string, string, string> OtherBodies => new()
    {
        // route, method, body, field
        { "/v1/endpoints/typo-ep", "PUT", """{"description":"x","defualts":{"deployment_name":"a"}}""", "defualts" },
        { "/v1/endpoints/typo-ep", "PUT", """{"defaults":{"deployment_nme":"a"}}""", "defaults.deployment_nme" },
        { "/v1/data/typo-data/versions", "POST", """{"type":"uri_file","path":"upload://x/a.csv","descripton":"x"}""", "descripton" },
        { "/v1/endpoints/scorer/jobs", "POST", """{"input":{"type":"uri_file","path":"upload://x/"},"settings":{"mini_bach_size":1}}""", "settings.mini_bach_size" },
        { "/v1/endpoints/scorer/jobs", "POST", """{"input":{"type":"uri_file","pth":"upload://x/"}}""", "input.pth" },
        { "/v1/endpoints/scorer/jobs", "POST", """{"input":{"type":"uri_file","path":"upload://x/"},"ouput":{"path":"a"}}""", "ouput" },
        { "/v1/endpoints/scorer/jobs", "POST", """{"properties":{"InputData":{"d":{"JobInputType":"UriFile","Uri":"upload://x/","Uri2":1}}}}""", "properties.InputData.d.Uri2" },
    };

    [Theory]
    [MemberData(nameof(OtherBodies))]
    public async Task Unknown_keys_in_endpoint_data_and_invoke_bodies_are_400(string route, string method, string body, string field)
    {
        var tenant = await gateway.CreateTenantAsync("typo");
        await tenant.CreateEndpointAsync("scorer");
        using var client = tenant.Contributor();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route) { Content = Json(body) });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", field);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/typo-ep"), HttpStatusCode.NotFound, "EndpointNotFound");
        await Problem.AssertAsync(await client.GetAsync("/v1/data/typo-data/versions/latest"), HttpStatusCode.NotFound, "DataNotFound");
        Assert.Empty((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_key_in_model_metadata_is_400_and_registers_nothing()
    {
        var tenant = await gateway.CreateTenantAsync("typo");
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/models/cancer/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel, new { tpye = "onnx" }));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "metadata.tpye");
        await Problem.AssertAsync(await client.GetAsync("/v1/models/cancer/versions/latest"), HttpStatusCode.NotFound, "ModelNotFound");
    }

    [Fact]
    public async Task Unknown_keys_in_tenant_and_key_bodies_are_400()
    {
        var tenant = await gateway.CreateTenantAsync("typo");
        using var admin = gateway.Admin();

        await Problem.AssertAsync(await admin.PostAsync("/v1/tenants", Json("""{"name":"typo-new","quota":1}""")), HttpStatusCode.BadRequest, "ValidationFailed", "quota");
        await Problem.AssertAsync(await admin.PostAsync($"/v1/tenants/{tenant.Name}/keys", Json("""{"role":"reader","rol":"admin"}""")), HttpStatusCode.BadRequest, "ValidationFailed", "rol");
        await Problem.AssertAsync(await admin.GetAsync("/v1/tenants/typo-new"), HttpStatusCode.NotFound, "TenantNotFound");
    }

    [Theory]
    [InlineData("""{"description":"a","description":"b"}""")]
    [InlineData("""{"defaults":{"deployment_name":"a","deployment_name":"b"}}""")]
    public async Task A_duplicate_json_key_is_400_and_stores_nothing(string body)
    {
        var tenant = await gateway.CreateTenantAsync("dup");
        using var client = tenant.Contributor();

        await Problem.AssertAsync(await client.PutAsync("/v1/endpoints/dup-ep", Json(body)), HttpStatusCode.BadRequest, "DuplicateKey");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/dup-ep"), HttpStatusCode.NotFound, "EndpointNotFound");
    }

    [Fact]
    public async Task A_duplicate_yaml_key_is_400()
    {
        var tenant = await gateway.CreateTenantAsync("dup");
        using var client = tenant.Contributor();

        await Problem.AssertAsync(await client.PutAsync("/v1/endpoints/dup-ep", Yaml("description: a\ndescription: b\n")), HttpStatusCode.BadRequest, "DuplicateKey");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/dup-ep"), HttpStatusCode.NotFound, "EndpointNotFound");
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("-1e999")]
    public async Task An_out_of_range_yaml_number_is_400(string number)
    {
        var tenant = await gateway.CreateTenantAsync("num");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using var client = tenant.Contributor();

        var response = await client.PutAsync("/v1/endpoints/scorer/deployments/blue", Yaml($"model: cancer:1\nsettings:\n  error_threshold: {number}\n"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.NotFound, "DeploymentNotFound");
    }
}
