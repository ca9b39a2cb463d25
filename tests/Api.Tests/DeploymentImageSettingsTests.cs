using System.Net;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

/// <summary><c>settings.image</c> is stored with the deployment version, shown back, and validated.</summary>
public sealed class DeploymentImageSettingsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Image_settings_are_kept_and_shown()
    {
        var tenant = await TenantAsync();

        var response = await tenant.PutDeploymentAsync("scorer", "photos", new
        {
            model = "cancer@latest",
            settings = new { image = new { resize = true, scale = 0.5, mean = new[] { 0.485, 0.456, 0.406 }, std = new[] { 0.229, 0.224, 0.225 } } },
        });

        var image = (await Problem.JsonAsync(response, HttpStatusCode.Created)).GetProperty("settings").GetProperty("image");
        Assert.True(image.GetProperty("resize").GetBoolean());
        Assert.Equal(0.5, image.GetProperty("scale").GetDouble());
        Assert.Equal(3, image.GetProperty("mean").GetArrayLength());
        Assert.Equal(0.224f, image.GetProperty("std")[1].GetSingle());
    }

    [Fact]
    public async Task A_zero_std_or_a_wrong_channel_count_is_ValidationFailed_naming_the_field()
    {
        var tenant = await TenantAsync();

        var response = await tenant.PutDeploymentAsync("scorer", "photos", new
        {
            model = "cancer@latest",
            settings = new { image = new { std = new[] { 0.0 }, mean = new[] { 1.0, 2.0 } } },
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("settings.image.std", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("settings.image.mean", out _));
    }

    [Fact]
    public async Task An_unknown_key_in_image_is_refused()
    {
        var tenant = await TenantAsync();

        var response = await tenant.PutDeploymentAsync("scorer", "photos", new { model = "cancer@latest", settings = new { image = new { resise = true } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<TestTenant> TenantAsync()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        return tenant;
    }
}
