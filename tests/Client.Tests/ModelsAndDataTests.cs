using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>Model registration, data assets and uploads through the client, against the real gateway.</summary>
public class ModelsAndDataTests
{
    private static readonly string SampleCsv = Path.Combine(TestGateway.RepositoryRoot, "samples", "breast-cancer", "data", "breast_cancer.csv");

    [Fact]
    public async Task Models_register_from_a_path_and_from_a_stream_and_read_back_by_version_and_latest()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        await using var stream = File.OpenRead(TestGateway.SampleModelPath);

        var first = await client.CreateModelVersionAsync("Breast-Cancer", TestGateway.SampleModelPath);
        var second = await client.CreateModelVersionAsync("breast-cancer", [new UploadFile("model.onnx", stream)],
            new ModelVersionMetadata { Description = "second", Tags = new Dictionary<string, string> { ["stage"] = "test" } });
        var byNumber = await client.GetModelVersionAsync("breast-cancer", 1);
        var latest = await client.GetLatestModelVersionAsync("breast-cancer");
        var versions = await client.GetModelVersionsAsync("breast-cancer").ToListAsync();
        var models = await client.GetModelsAsync().ToListAsync();

        Assert.Equal(("breast-cancer", 1), (first.Name, first.Version));
        Assert.Equal(2, second.Version);
        Assert.True(stream.CanRead); // the caller's stream is left open
        Assert.Equal("onnx", first.Type);
        var file = Assert.Single(first.Files);
        Assert.Equal(("model.onnx", new FileInfo(TestGateway.SampleModelPath).Length), (file.Name, file.Length));
        Assert.NotEmpty(first.Inputs);
        Assert.NotEmpty(first.Outputs);
        Assert.All(first.Inputs, input => Assert.False(string.IsNullOrEmpty(input.ElementType)));
        Assert.Equal(first.Inputs.Select(i => (i.Name, i.ElementType, string.Join(",", i.Shape))), byNumber.Inputs.Select(i => (i.Name, i.ElementType, string.Join(",", i.Shape))));
        Assert.Equal("\"1\"", byNumber.ETag);
        Assert.Equal((2, "second", "test"), (latest.Version, latest.Description, latest.Tags!["stage"]));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        var summary = Assert.Single(models);
        Assert.Equal(("breast-cancer", 2), (summary.Name, summary.LatestVersion));
    }

    [Fact]
    public async Task A_model_of_several_files_names_the_graph_to_score_in_its_metadata()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        var folder = Path.GetDirectoryName(TestGateway.SampleModelPath)!;

        var model = await client.CreateModelVersionAsync("cancer",
            [UploadFile.FromPath(Path.Combine(folder, "preprocess.onnx")), UploadFile.FromPath(TestGateway.SampleModelPath)],
            new ModelVersionMetadata { Path = "model.onnx", Description = "with its preprocessing graph" });

        Assert.Equal(["model.onnx", "preprocess.onnx"], model.Files.Select(f => f.Name).Order());
        Assert.EndsWith("model.onnx", model.Path);
        Assert.Equal("with its preprocessing graph", model.Description);
    }

    [Fact]
    public async Task A_file_onnx_runtime_cannot_load_is_refused_as_ModelInvalid()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();

        var error = await Assert.ThrowsAsync<OrleansBatchRequestException>(() =>
            client.CreateModelVersionAsync("broken", [new UploadFile("model.onnx", new MemoryStream("not an onnx graph"u8.ToArray()))]));

        Assert.Equal(400, error.Status);
        Assert.Equal("ModelInvalid", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.Detail));
    }

    [Fact]
    public async Task Uploads_give_an_upload_path_that_data_versions_can_point_at()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();

        var fromPaths = await client.UploadFilesAsync([SampleCsv]);
        var fromStream = await client.UploadFilesAsync([new UploadFile("rows.csv", new MemoryStream("a,b\n1,2\n"u8.ToArray()))]);
        var first = await client.CreateDataVersionAsync("cancer-data", new DataVersionDefinition(DataAssetType.UriFolder, fromPaths.Path));
        var second = await client.CreateDataVersionAsync("cancer-data",
            new DataVersionDefinition(DataAssetType.UriFile, fromStream.Path + "rows.csv") { Description = "tiny" });
        var byNumber = await client.GetDataVersionAsync("cancer-data", 1);
        var latest = await client.GetLatestDataVersionAsync("cancer-data");
        var versions = await client.GetDataVersionsAsync("cancer-data").ToListAsync();
        var assets = await client.GetDataAssetsAsync().ToListAsync();

        Assert.StartsWith("upload://", fromPaths.Path);
        Assert.EndsWith("/", fromPaths.Path);
        Assert.NotEqual(fromPaths.Path, fromStream.Path);
        var stored = Assert.Single(fromPaths.Files);
        Assert.Equal(("breast_cancer.csv", new FileInfo(SampleCsv).Length), (stored.Name, stored.Length));
        Assert.Equal((1, DataAssetType.UriFolder, fromPaths.Path), (first.Version, first.Type, first.Path));
        Assert.Equal("azureml:cancer-data:1", first.ToInputPath());
        Assert.Equal(2, second.Version);
        Assert.Equal(first.Path, byNumber.Path);
        Assert.Equal((2, DataAssetType.UriFile, "tiny"), (latest.Version, latest.Type, latest.Description));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(("cancer-data", 2), (Assert.Single(assets).Name, assets[0].LatestVersion));
    }
}
