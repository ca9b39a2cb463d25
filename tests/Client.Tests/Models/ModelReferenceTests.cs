using System.Text.Json;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client.Tests.Models;

public class ModelReferenceTests
{
    [Theory]
    [InlineData("iris:3", "iris", 3)]
    [InlineData("azureml:iris:3", "iris", 3)]
    [InlineData("iris@latest", "iris", null)]
    [InlineData("azureml:iris@latest", "iris", null)]
    public void Parse_reads_every_reference_form(string text, string name, int? version)
    {
        var reference = ModelReference.Parse(text);

        Assert.Equal(new ModelReference(name, version), reference);
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("iris:")]
    [InlineData("iris:0")]
    [InlineData("@latest")]
    public void Parse_refuses_text_that_is_no_reference_and_names_the_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ModelReference.Parse(text));

        Assert.Contains("name:version", error.Message);
    }

    [Fact]
    public void Json_writes_the_string_form_and_reads_string_or_object()
    {
        var written = JsonSerializer.Serialize(new PipelineStep(new ModelReference("iris", 2)), ClientJson.Options);
        var fromObject = JsonSerializer.Deserialize<PipelineStep>("""{"model":{"name":"iris","version":4}}""", ClientJson.Options);
        var fromLatest = JsonSerializer.Deserialize<PipelineStep>("""{"model":"azureml:iris@latest"}""", ClientJson.Options);

        Assert.Equal("""{"model":"iris:2"}""", written);
        Assert.Equal(new ModelReference("iris", 4), fromObject!.Model);
        Assert.Equal(ModelReference.Latest("iris"), fromLatest!.Model);
    }
}
