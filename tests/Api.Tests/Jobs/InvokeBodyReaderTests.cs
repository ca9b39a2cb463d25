using OrleansBatch.Silo.Jobs;
using System.Text.Json.Nodes;
using OrleansBatch.Api.Jobs;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Tests.Jobs;

public class InvokeBodyReaderTests
{
    private static InvokeBody Read(string json, string? header = null) => InvokeBodyReader.Read(JsonNode.Parse(json)!.AsObject(), header);

    [Fact]
    public void Reads_this_apis_body_with_settings_output_and_policy()
    {
        var body = Read("""
            {"deployment_name": "blue", "input": {"type": "uri_folder", "path": "/data/x"},
             "output": {"path": "runs/1", "file_name": "s.csv"}, "output_policy": "overwrite",
             "settings": {"mini_batch_size": "10MB", "max_concurrency_per_instance": 4, "retry_settings": {"max_retries": 1, "timeout": 5},
                          "error_threshold": 0, "output_action": "summary_only"}}
            """);

        Assert.Equal("blue", body.DeploymentName);
        Assert.Equal(new InvokeInput("input", "uri_folder", "/data/x", "input.path"), Assert.Single(body.Inputs));
        Assert.Equal(("runs/1", "s.csv", OutputPolicy.Overwrite), (body.OutputPath, body.OutputFileName, body.OutputPolicy));
        Assert.Equal(new JobSettingsOverrides("10MB", null, 4, 1, 5, 0, null, OutputAction.SummaryOnly, null), body.Settings);
    }

    [Theory]
    [InlineData("""{"properties": {"InputData": {"d": {"JobInputType": "UriFolder", "Uri": "azureml:data:1"}}, "OutputData": {"score": {"JobOutputType": "UriFile", "Uri": "azureml://datastores/ws/paths/out/p.csv"}}}}""")]
    [InlineData("""{"properties": {"inputData": {"d": {"jobInputType": "uri_folder", "uri": "azureml:data:1"}}, "outputData": {"score": {"jobOutputType": "uri_file", "uri": "azureml://datastores/ws/paths/out/p.csv"}}}}""")]
    public void Reads_the_azure_ml_body_in_either_casing(string json)
    {
        var body = Read(json, header: "green");

        Assert.Equal("green", body.DeploymentName);
        Assert.Equal(("d", "uri_folder", "azureml:data:1"), (body.Inputs[0].Name, body.Inputs[0].Type, body.Inputs[0].Path));
        Assert.Equal(("azureml://datastores/ws/paths/out", "p.csv"), (body.OutputPath, body.OutputFileName));
    }

    [Fact]
    public void Names_every_bad_field()
    {
        var error = Assert.Throws<DomainException>(() => Read("""{"input": {"type": "table", "path": 3}, "output_policy": "maybe", "settings": {"instance_count": "many"}}"""));

        Assert.Equal("ValidationFailed", error.Code);
        Assert.Equal(["input.path", "input.type", "output_policy", "settings.instance_count"], error.Errors!.Keys.Order());
    }

    [Fact]
    public void An_input_is_required()
    {
        var error = Assert.Throws<DomainException>(() => Read("""{"deployment_name": "blue"}"""));

        Assert.Contains("input", error.Errors!.Keys);
    }
}
