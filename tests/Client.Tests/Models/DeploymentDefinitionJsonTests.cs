using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client.Tests.Models;

/// <summary>The request bodies must use the keys of Azure ML's deployment.yml one-to-one.</summary>
public class DeploymentDefinitionJsonTests
{
    [Fact]
    public void A_definition_serializes_with_deployment_yml_keys_and_leaves_unset_values_out()
    {
        var definition = new BatchDeploymentDefinition
        {
            Model = new ModelReference("breast-cancer", 1),
            Resources = new DeploymentResources { InstanceCount = 2 },
            Settings = new DeploymentSettings
            {
                MiniBatchSize = MiniBatchSize.Parse("10MB"),
                RetrySettings = new RetrySettings { MaxRetries = 5 },
                OutputAction = OutputAction.AppendRow,
                EnvironmentVariables = new Dictionary<string, string> { ["MY_VAR"] = "1" },
            },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(definition, ClientJson.Options))!;

        var expected = JsonNode.Parse("""
            {
              "model": "breast-cancer:1",
              "resources": { "instance_count": 2 },
              "settings": {
                "mini_batch_size": "10MB",
                "retry_settings": { "max_retries": 5 },
                "output_action": "append_row",
                "environment_variables": { "MY_VAR": "1" }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Theory]
    [InlineData("10", 10, null)]
    [InlineData("\"10MB\"", null, "10MB")]
    [InlineData("\"1000 rows\"", null, "1000 rows")]
    public void Mini_batch_size_reads_a_number_of_files_or_a_size_string(string json, int? files, string? text)
    {
        var size = JsonSerializer.Deserialize<MiniBatchSize>(json, ClientJson.Options);

        Assert.Equal(files, size.Files);
        Assert.Equal(text, size.Text);
        Assert.Equal(json, JsonSerializer.Serialize(size, ClientJson.Options));
    }

    [Fact]
    public void Mini_batch_size_from_rows_uses_the_rows_form()
    {
        Assert.Equal("\"250 rows\"", JsonSerializer.Serialize(MiniBatchSize.FromRows(250), ClientJson.Options));
    }
}
