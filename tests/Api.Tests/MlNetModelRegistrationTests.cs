using System.Net;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

/// <summary><c>metadata.type: mlnet</c> registers an ML.NET zip with the signature read from it; a type that does not match the file is refused.</summary>
public sealed class MlNetModelRegistrationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static string SampleZip => RepositoryPaths.Sample("mlnet-cancer", "model.zip");

    [Fact]
    public async Task An_ml_net_zip_registers_with_its_signature()
    {
        var tenant = await gateway.CreateTenantAsync();

        var model = await tenant.RegisterModelAsync("cancer-mlnet", SampleZip, new { type = "mlnet" });

        Assert.Equal("mlnet", model.GetProperty("type").GetString());
        var inputs = model.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(31, inputs.Count);
        Assert.Equal("mean_radius", inputs[0].GetProperty("name").GetString());
        Assert.Equal("float", inputs[0].GetProperty("type").GetString());
        Assert.Equal(["PredictedLabel", "Score", "Probability"], model.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("mlnet", "breast-cancer/model.onnx")]
    [InlineData("onnx", "mlnet-cancer/model.zip")]
    public async Task A_type_that_does_not_match_the_file_is_ModelInvalid(string type, string file)
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        using var response = await client.PostAsync("/v1/models/wrong/versions", TestTenant.ModelContent(RepositoryPaths.Sample(file.Split('/')), new { type }));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ModelInvalid");
    }
}
