using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

public sealed class ModelsAndDataApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Model_versions_count_up_and_show_the_signature()
    {
        var tenant = await gateway.CreateTenantAsync();

        var first = await tenant.RegisterModelAsync("Cancer", metadata: new { description = "scaled features", tags = new { team = "risk" } });
        var second = await tenant.RegisterModelAsync("cancer");

        Assert.Equal("cancer", first.GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("onnx", first.GetProperty("type").GetString());
        Assert.Equal("risk", first.GetProperty("tags").GetProperty("team").GetString());
        var input = Assert.Single(first.GetProperty("inputs").EnumerateArray());
        Assert.Equal("scaled", input.GetProperty("name").GetString());
        Assert.Equal("float", input.GetProperty("type").GetString());
        Assert.Equal([-1, 30], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Contains(first.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("name").GetString() == "probabilities");

        using var reader = tenant.Reader();
        var latest = await Problem.JsonAsync(await reader.GetAsync("/v1/models/cancer/versions/latest"), HttpStatusCode.OK);
        var one = await Problem.JsonAsync(await reader.GetAsync("/v1/models/CANCER/versions/1"), HttpStatusCode.OK);
        var versions = await Problem.JsonAsync(await reader.GetAsync("/v1/models/cancer/versions?top=1"), HttpStatusCode.OK);
        var models = await Problem.JsonAsync(await reader.GetAsync("/v1/models"), HttpStatusCode.OK);
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal("scaled features", one.GetProperty("description").GetString());
        Assert.Single(versions.GetProperty("value").EnumerateArray());
        var next = versions.GetProperty("next_link").GetString()!;
        var page2 = await Problem.JsonAsync(await reader.GetAsync(next), HttpStatusCode.OK);
        Assert.Equal(2, Assert.Single(page2.GetProperty("value").EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKindNull, page2.GetProperty("next_link").ValueKind);
        Assert.Equal(2, Assert.Single(models.GetProperty("value").EnumerateArray()).GetProperty("latest_version").GetInt32());
        await Problem.AssertAsync(await reader.GetAsync("/v1/models/cancer/versions/9"), HttpStatusCode.NotFound, "ModelNotFound");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_file_ONNX_Runtime_cannot_load_is_400_ModelInvalid()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a model")), "file", "model.onnx" } };

        var response = await client.PostAsync("/v1/models/broken/versions", content);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ModelInvalid", "file");
        Assert.Contains("model.onnx", problem.GetProperty("detail").GetString());
        await Problem.AssertAsync(await client.GetAsync("/v1/models/broken/versions/latest"), HttpStatusCode.NotFound, "ModelNotFound");
    }

    [Fact]
    public async Task Model_registration_rejects_bad_requests()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        var notMultipart = await client.PostAsJsonAsync("/v1/models/good-name/versions", new { path = "x" });
        var noFile = await client.PostAsync("/v1/models/good-name/versions", new MultipartFormDataContent { { new StringContent("{}"), "metadata" } });
        var badName = await client.PostAsync("/v1/models/x/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel));
        var badType = await client.PostAsync("/v1/models/good-name/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel, new { type = "mlflow_model" }));

        await Problem.AssertAsync(notMultipart, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        await Problem.AssertAsync(noFile, HttpStatusCode.BadRequest, "ValidationFailed", "file");
        await Problem.AssertAsync(badName, HttpStatusCode.BadRequest, "InvalidName", "name");
        await Problem.AssertAsync(badType, HttpStatusCode.BadRequest, "ValidationFailed", "type");
    }

    [Fact]
    public async Task Uploads_larger_than_the_limit_are_413()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[5 << 20]), "file", "big.bin" } };

        var response = await client.PostAsync("/v1/uploads", content);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
    }

    [Fact]
    public async Task Upload_stores_files_with_safe_names_and_answers_an_upload_path()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("a,b\n1,2\n"), "file", "../../etc/data.csv" },
            { new StringContent("a,b\n3,4\n"), "file", "data.csv" },
            { new StringContent("x"), "file", "we ird;name.txt" },
        };

        var upload = await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created);

        var path = upload.GetProperty("path").GetString()!;
        Assert.Matches("^upload://[0-9a-f]{32}/$", path);
        var names = upload.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["data-1.csv", "data.csv", "we_ird_name.txt"], names);
        var id = path["upload://".Length..^1];
        var stored = Path.Combine(gateway.DataDirectory, "files", "tenants", tenant.Name, "uploads", id);
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(Path.Combine(stored, "data.csv")));
    }

    [Fact]
    public async Task Data_versions_count_up_and_validate_type_and_path()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        var first = await Problem.JsonAsync(await client.PostAsJsonAsync("/v1/data/patients/versions", new { type = "uri_folder", path = "upload://abc/" }), HttpStatusCode.Created);
        using var yaml = new StringContent("$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: patients\ntype: uri_file\npath: upload://abc/a.csv\ntags:\n  n: 1\n");
        yaml.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var second = await Problem.JsonAsync(await client.PostAsync("/v1/data/patients/versions", yaml), HttpStatusCode.Created);
        var badType = await client.PostAsJsonAsync("/v1/data/patients/versions", new { type = "mltable", path = "x" });
        var noPath = await client.PostAsJsonAsync("/v1/data/patients/versions", new { type = "uri_file" });

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("uri_file", second.GetProperty("type").GetString());
        await Problem.AssertAsync(badType, HttpStatusCode.BadRequest, "ValidationFailed", "type");
        await Problem.AssertAsync(noPath, HttpStatusCode.BadRequest, "ValidationFailed", "path");
        using var reader = tenant.Reader();
        var latest = await Problem.JsonAsync(await reader.GetAsync("/v1/data/patients/versions/latest"), HttpStatusCode.OK);
        Assert.Equal("upload://abc/a.csv", latest.GetProperty("path").GetString());
        var list = await Problem.JsonAsync(await reader.GetAsync("/v1/data"), HttpStatusCode.OK);
        Assert.Equal("patients", Assert.Single(list.GetProperty("value").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(2, (await Problem.JsonAsync(await reader.GetAsync("/v1/data/patients/versions"), HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Readers_cannot_register_or_upload()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var reader = tenant.Reader();

        await Problem.AssertAsync(await reader.PostAsync("/v1/models/cancer/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel)), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.PostAsJsonAsync("/v1/data/patients/versions", new { type = "uri_file", path = "x" }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.PostAsync("/v1/uploads", new MultipartFormDataContent { { new StringContent("x"), "file", "a.csv" } }), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Another_tenants_models_and_data_are_404()
    {
        var owner = await gateway.CreateTenantAsync();
        var stranger = await gateway.CreateTenantAsync();
        await owner.RegisterModelAsync("secret-model");
        using (var client = owner.Contributor())
            (await client.PostAsJsonAsync("/v1/data/secret-data/versions", new { type = "uri_file", path = "upload://abc/x.csv" })).EnsureSuccessStatusCode();
        using var other = stranger.Admin();

        await Problem.AssertAsync(await other.GetAsync("/v1/models/secret-model/versions/1"), HttpStatusCode.NotFound, "ModelNotFound");
        await Problem.AssertAsync(await other.GetAsync("/v1/models/secret-model/versions"), HttpStatusCode.NotFound, "ModelNotFound");
        await Problem.AssertAsync(await other.GetAsync("/v1/data/secret-data/versions/latest"), HttpStatusCode.NotFound, "DataNotFound");
        Assert.Equal(0, (await Problem.JsonAsync(await other.GetAsync("/v1/models"), HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
        Assert.Equal(0, (await Problem.JsonAsync(await other.GetAsync("/v1/data"), HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
    }
}
