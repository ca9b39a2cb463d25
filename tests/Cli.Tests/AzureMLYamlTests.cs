using OrleansBatch.Client.Models;
using OrleansBatch.Client.Yaml;

namespace OrleansBatch.Cli.Tests;

/// <summary>The client's loader of Azure ML YAML files: as written for Azure ML, or refused naming the key.</summary>
public sealed class AzureMLYamlTests
{
    [Fact]
    public void Reads_an_azure_ml_deployment_with_legacy_top_level_settings_and_ignored_keys()
    {
        var file = AzureMLYaml.ReadDeployment("""
            $schema: https://azuremlschemas.azureedge.net/latest/batchDeployment.schema.json
            name: mnist-dpl
            endpoint_name: mnist-batch
            description: 2024
            model: azureml:mnist@latest
            compute: azureml:batch-cluster
            resources:
              instance_count: 2
              instance_type: Standard_DS3_v2
            mini_batch_size: "10MB"
            retry_settings:
              max_retries: 1
              timeout: 300
            tags:
              version: 2
            """, overrides: ["settings.error_threshold=5"]);

        Assert.Equal(("mnist-dpl", "mnist-batch"), (file.Name, file.EndpointName));
        Assert.Equal(new ModelReference("mnist"), file.Definition.Model);
        Assert.Equal(MiniBatchSize.Parse("10MB"), file.Definition.Settings!.MiniBatchSize);
        Assert.Equal((1, 300, 5), (file.Definition.Settings.RetrySettings!.MaxRetries!.Value, file.Definition.Settings.RetrySettings.Timeout!.Value, file.Definition.Settings.ErrorThreshold!.Value));
        Assert.Equal(("2", "2024"), (file.Definition.Tags!["version"], file.Definition.Description));
        Assert.Equal(["resources.instance_type", "compute"], file.IgnoredKeys);
    }

    [Theory]
    [InlineData("name: a\nmodel: m:1\nsetings:\n  mini_batch_size: 3\n", "'setings' is not a key this platform knows (did you mean 'settings'?)")]
    [InlineData("name: a\nmodel: m:1\nresources:\n  instance_cont: 2\n", "'resources.instance_cont' is not a key this platform knows (did you mean 'instance_count'?)")]
    [InlineData("name: a\nmodel: m:1\nsettings:\n  retry_settings:\n    max_retries: many\n", "'settings.retry_settings.max_retries' has a value of the wrong type")]
    [InlineData("name: a\nmodel:\n  name: m\n  path: model\n", "'model.path' is an inline model")]
    [InlineData("name: a\ncomponent: azureml:hello@latest\n", "'component' is a pipeline-component deployment")]
    [InlineData("name: a\nmodel: m:1\nenvironment: azureml:env:1\n", "'environment' cannot be honoured")]
    [InlineData("name: [a\n", "is not valid YAML (line")]
    public void Refuses_what_it_cannot_honour_naming_the_key(string yaml, string message) =>
        Assert.Contains(message, Assert.Throws<AzureMLYamlException>(() => AzureMLYaml.ReadDeployment(yaml, "deployment.yml")).Message);

    [Fact]
    public void Reads_an_endpoint_and_a_data_asset()
    {
        var endpoint = AzureMLYaml.ReadEndpoint("$schema: x\nname: heart\nauth_mode: aad_token\ndefaults:\n  deployment_name: blue\n");
        Assert.Equal(("heart", "aad_token", "blue"), (endpoint.Name, endpoint.Definition.AuthMode, endpoint.Definition.Defaults!.DeploymentName));
        var data = AzureMLYaml.ReadDataAsset("name: heart-data\nversion: 1\ntype: uri_folder\npath: data\n");
        Assert.Equal(("heart-data", DataAssetType.UriFolder, "data"), (data.Name, data.Definition.Type, data.Definition.Path));
        Assert.Contains("mltable", Assert.Throws<AzureMLYamlException>(() => AzureMLYaml.ReadDataAsset("name: x\ntype: mltable\npath: d\n")).Message);
    }
}
