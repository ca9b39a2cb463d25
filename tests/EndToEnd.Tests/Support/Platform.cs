using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Client.Models;

namespace OrleansBatch.EndToEnd.Tests.Support;

/// <summary>A running gateway with one tenant set up for jobs: sample models, endpoints and deployments, and an input folder under the data root.</summary>
public sealed class Platform : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-e2e-").FullName;

    public string DataDirectory => Path.Combine(_dir, "data");

    public string DataRoot => Path.Combine(_dir, "inputs");

    public const string AdminKey = "e2e-platform-admin-key-0123456789abcdef";

    public GatewayProcess Gateway { get; private set; } = null!;

    public string Tenant { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    public string Key { get; private set; } = "";

    public OrleansBatchClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(DataRoot);
        Gateway = await StartGatewayAsync();
        var admin = new OrleansBatchClient(Gateway.Address, AdminKey);
        await admin.CreateTenantAsync(Tenant);
        Key = (await admin.CreateTenantKeyAsync(Tenant, ApiKeyRole.Contributor)).Key!;
        Client = new OrleansBatchClient(Gateway.Address, Key);

        await Client.CreateModelVersionAsync("digits", RepositoryPaths.Sample("digits", "model.onnx"));
        await Client.CreateModelVersionAsync("prep", RepositoryPaths.Sample("breast-cancer", "preprocess.onnx"));
        await Client.CreateModelVersionAsync("cancer", RepositoryPaths.Sample("breast-cancer", "model.onnx"));
        await Client.CreateOrUpdateEndpointAsync("digits", new BatchEndpointDefinition());
        await Client.CreateOrUpdateDeploymentAsync("digits", "first", new BatchDeploymentDefinition
        {
            Model = new ModelReference("digits", 1),
            Settings = new DeploymentSettings { MiniBatchSize = MiniBatchSize.FromFiles(3), MaxConcurrencyPerInstance = 2 },
        });
        await Client.CreateOrUpdateEndpointAsync("cancer", new BatchEndpointDefinition());
        await Client.CreateOrUpdateDeploymentAsync("cancer", "pipe", new BatchDeploymentDefinition
        {
            Type = DeploymentType.Pipeline,
            Steps = [new PipelineStep(new ModelReference("prep", 1)), new PipelineStep(new ModelReference("cancer", 1))],
            Settings = new DeploymentSettings { MaxConcurrencyPerInstance = 2 },
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>kill -9 of the gateway process: no shutdown code runs; grain state, reminders and records stay as they were.</summary>
    public async Task KillAsync() => await Gateway.DisposeAsync();

    /// <summary>Starts the gateway again on the same data directory after it was killed.</summary>
    public async Task RestartAsync()
    {
        Gateway = await StartGatewayAsync();
        Client = new OrleansBatchClient(Gateway.Address, Key);
    }

    // A short retry backoff, so the retry tests do not wait for the default.
    private Task<GatewayProcess> StartGatewayAsync() => GatewayProcess.StartAsync(DataDirectory, AdminKey, new Dictionary<string, string>
    {
        ["OBATCH_DATA_ROOTS"] = DataRoot,
        ["Jobs__RetryBackoff"] = "00:00:01",
    });

    public HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = Gateway.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    /// <summary>A copy of a sample folder under the data root.</summary>
    public string CopySample(string name, params string[] sample)
    {
        var to = Path.Combine(DataRoot, name);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Sample(sample)))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        return to;
    }

    /// <summary>A CSV of <paramref name="rows"/> rows (the breast-cancer sample over and over) and the expected output for it.</summary>
    public (string Folder, List<string> Expected) LargeCsv(string name, int rows)
    {
        var folder = Path.Combine(DataRoot, name);
        return (folder, WriteLargeCsv(folder, rows));
    }

    /// <summary>Writes <c>big.csv</c> of <paramref name="rows"/> rows into <paramref name="folder"/>; returns the expected output lines.</summary>
    public static List<string> WriteLargeCsv(string folder, int rows)
    {
        var sample = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        var expected = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "expected.csv"));
        Directory.CreateDirectory(folder);
        using (var writer = new StreamWriter(Path.Combine(folder, "big.csv")))
        {
            writer.Write(sample[0] + "\n");
            for (var i = 0; i < rows; i++)
                writer.Write(sample[1 + i % 569] + "\n");
        }
        var want = new List<string> { expected[0] };
        for (var i = 0; i < rows; i++)
        {
            var e = expected[1 + i % 569];
            want.Add("big.csv," + i.ToString(CultureInfo.InvariantCulture) + e[e.IndexOf(',', e.IndexOf(',') + 1)..]);
        }
        return want;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts CSV lines equal: identity columns exactly, numbers within 1e-4.</summary>
    public static void AssertSameRows(IReadOnlyList<string> expected, string actualText)
    {
        var actual = actualText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.True(e.Length == a.Length && e[0] == a[0] && e[1] == a[1], $"line {i}: '{actual[i]}' vs expected '{expected[i]}'");
            for (var c = 2; c < e.Length; c++)
            {
                if (double.TryParse(e[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var ev))
                    Assert.True(Math.Abs(ev - double.Parse(a[c], CultureInfo.InvariantCulture)) < 1e-4, $"line {i} column {c}: {a[c]} vs {e[c]}");
                else
                    Assert.Equal(e[c], a[c]);
            }
        }
    }
}
