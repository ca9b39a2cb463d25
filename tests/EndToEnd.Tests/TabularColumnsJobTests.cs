using System.Net;
using System.Net.Http.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client.Jobs;
using OrleansBatch.EndToEnd.Tests.Support;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Tests.Tabular;

namespace OrleansBatch.EndToEnd.Tests;

/// <summary>
/// Jobs over CSVs whose columns come in another order: matched by name through settings.input_columns, ids carried
/// through settings.passthrough_columns, a missing column refused at invoke, an empty cell an item error.
/// </summary>
public sealed class TabularColumnsJobTests(Platform platform) : IClassFixture<Platform>
{
    private static string[] Sample => File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));

    private static string[] Features => Sample[0].Split(',');

    /// <summary>The sample with its columns in a seeded random order and (unless <paramref name="withId"/> is false) an <c>id</c> column in the middle.</summary>
    private string WriteShuffled(string name, Func<int, string[], string[]>? edit = null, bool withId = true)
    {
        var order = Enumerable.Range(0, Features.Length).ToArray();
        new Random(5).Shuffle(order);
        var folder = Path.Combine(platform.DataRoot, name);
        Directory.CreateDirectory(folder);
        var lines = Sample.Select((line, i) =>
        {
            var cells = line.Split(',');
            var shuffled = order.Select(c => cells[c]).ToList();
            if (withId)
                shuffled.Insert(7, i == 0 ? "id" : $"case-{i - 1}");
            return string.Join(',', edit?.Invoke(i - 1, [.. shuffled]) ?? [.. shuffled]);
        });
        File.WriteAllText(Path.Combine(folder, "shuffled.csv"), string.Join('\n', lines) + "\n");
        return folder;
    }

    [Fact]
    public async Task Shuffled_columns_score_as_the_original_with_ids_passed_through()
    {
        var folder = WriteShuffled("shuffled-" + Guid.NewGuid().ToString("N")[..6]);

        var job = await platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { MiniBatchSize = "100 rows", InputColumns = Features, PassthroughColumns = ["id"] },
        });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal((569L, 0L), (done.Progress!.Items.Succeeded, done.Progress.Items.Failed));
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "expected.csv"));
        Assert.Equal("file_name,row,id,label,probabilities_0,probabilities_1", lines[0]);
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            Assert.Equal($"case-{i - 1}", cells[2]);
            lines[i] = string.Join(',', cells.Where((_, c) => c != 2));
        }
        Platform.AssertSameRows(expected.Select(l => l.Replace("breast_cancer.csv", "shuffled.csv", StringComparison.Ordinal)).ToList(),
            string.Join('\n', lines.Skip(1).Prepend(expected[0])));
    }

    [Theory]
    [InlineData("100 rows")]
    [InlineData("4KB")]
    public async Task A_shuffled_parquet_file_is_cut_at_row_groups_and_scored_as_the_original(string miniBatchSize)
    {
        var folder = WriteShuffled("parquet-" + Guid.NewGuid().ToString("N")[..6]);
        var csv = Path.Combine(folder, "shuffled.csv");
        await ParquetSample.WriteAsync(File.ReadAllLines(csv), Path.Combine(folder, "shuffled.parquet"), rowsPerGroup: 40);
        File.Delete(csv);

        var output = await ScoreAllRowsAsync("cancer", folder, new BatchJobSettings { MiniBatchSize = miniBatchSize, InputColumns = Features });

        var expected = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "expected.csv"));
        Platform.AssertSameRows(expected.Select(l => l.Replace("breast_cancer.csv", "shuffled.parquet", StringComparison.Ordinal)).ToList(), output);
    }

    [Fact]
    public async Task Output_format_parquet_writes_typed_columns_in_input_order()
    {
        var folder = WriteShuffled("out-parquet-" + Guid.NewGuid().ToString("N")[..6]);

        var job = await platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { MiniBatchSize = "50 rows", InputColumns = Features, PassthroughColumns = ["id"], OutputFormat = "parquet" },
        });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        using var http = platform.Http();
        var described = await Platform.ReadJsonAsync(await http.GetAsync($"/v1/jobs/{done.Name}"));
        Assert.Equal("predictions.parquet", described.GetProperty("output").GetProperty("file_name").GetString());
        Assert.Equal("parquet", described.GetProperty("settings").GetProperty("output_format").GetString());
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        output.Position = 0;
        await using var reader = await Parquet.ParquetReader.CreateAsync(output);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["file_name", "row", "id", "label", "probabilities_0", "probabilities_1"], fields.Select(f => f.Name));
        Assert.Equal([typeof(long), typeof(long), typeof(double), typeof(double)], fields[1..2].Concat(fields[3..]).Select(f => Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType));
        var expected = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "expected.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var rows = new List<(long Row, string Id, long Label, double P1)>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var row = new long?[n];
            var ids = new string?[n];
            var labels = new long?[n];
            var p1 = new double?[n];
            await group.ReadAsync<long>(fields[1], row.AsMemory());
            await group.ReadAsync(fields[2], ids.AsMemory());
            await group.ReadAsync<long>(fields[3], labels.AsMemory());
            await group.ReadAsync<double>(fields[5], p1.AsMemory());
            for (var r = 0; r < n; r++)
                rows.Add((row[r]!.Value, ids[r]!, labels[r]!.Value, p1[r]!.Value));
        }
        Assert.Equal(569, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((i, $"case-{i}", long.Parse(expected[i][2], System.Globalization.CultureInfo.InvariantCulture)), (rows[i].Row, rows[i].Id, rows[i].Label));
            Assert.True(Math.Abs(rows[i].P1 - double.Parse(expected[i][4], System.Globalization.CultureInfo.InvariantCulture)) < 1e-4);
        }
    }

    [Fact]
    public async Task A_model_of_several_inputs_takes_columns_by_their_names_and_a_missing_one_is_400()
    {
        var folder = Path.Combine(platform.DataRoot, "echo-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        var model = Path.Combine(folder, "echo.onnx");
        Scoring.Tests.Models.EchoModel.Write(model);
        await platform.Client.CreateModelVersionAsync("echo", model);
        await platform.Client.CreateOrUpdateEndpointAsync("echo", new Client.Models.BatchEndpointDefinition());
        await platform.Client.CreateOrUpdateDeploymentAsync("echo", "one", new Client.Models.BatchDeploymentDefinition { Model = new Client.Models.ModelReference("echo", 1) });
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "rows.csv"), "note,s,b,u8,i32,i64,d,f\nx,hello,true,7,-3,9007199254740993,2.5,1.5\n");
        var partial = Path.Combine(folder, "partial");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "rows.csv"), "s,u8,i32,i64,d,f\nhello,7,-3,5,2.5,1.5\n");

        var job = await platform.Client.InvokeEndpointAsync("echo", new BatchJobInvocation { Input = BatchJobInput.Folder(data) });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        using var http = platform.Http();
        using var refused = await http.PostAsJsonAsync("/v1/endpoints/echo/jobs", new { input = new { type = "uri_folder", path = partial } });

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file_name,row,f_out,d_out,i64_out,i32_out,u8_out,b_out,s_out", lines[0]);
        Assert.Equal("rows.csv,0,1.5,2.5,9007199254740993,-3,7,true,hello", lines[1].Replace("True", "true", StringComparison.Ordinal));
        var problem = await Problem.AssertAsync(refused, HttpStatusCode.BadRequest, "ValidationFailed", "input");
        Assert.Contains("'b'", problem.GetProperty("errors").GetProperty("input")[0].GetString()!);
    }

    [Fact]
    public async Task A_column_missing_from_a_local_file_is_400_at_invoke_naming_it_and_the_file()
    {
        var folder = WriteShuffled("missing-" + Guid.NewGuid().ToString("N")[..6]);
        using var http = platform.Http();

        using var response = await http.PostAsJsonAsync("/v1/endpoints/cancer/jobs", new
        {
            input = new { type = "uri_folder", path = folder },
            settings = new { input_columns = Features.Skip(1).Prepend("tumour_size"), passthrough_columns = new[] { "id", "ward" } },
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "settings.input_columns");
        var message = problem.GetProperty("errors").GetProperty("settings.input_columns")[0].GetString()!;
        Assert.Contains("'tumour_size'", message);
        Assert.Contains("'shuffled.csv'", message);
        Assert.Contains("'ward'", problem.GetProperty("errors").GetProperty("settings.passthrough_columns")[0].GetString()!);
        Assert.DoesNotContain(platform.DataRoot, problem.GetRawText(), StringComparison.Ordinal);

        using var tooFew = await http.PostAsJsonAsync("/v1/endpoints/cancer/jobs", new
        {
            input = new { type = "uri_folder", path = folder },
            settings = new { input_columns = Features.Take(29) },
        });
        var count = await Problem.AssertAsync(tooFew, HttpStatusCode.BadRequest, "ValidationFailed", "settings.input_columns");
        Assert.Contains("takes 30 values per row", count.GetProperty("errors").GetProperty("settings.input_columns")[0].GetString()!);
    }

    [Fact]
    public async Task A_file_whose_columns_do_not_match_the_models_width_without_input_columns_is_400_at_invoke_and_the_setting_it_names_works()
    {
        // 31 columns (the 30 features shuffled and an id) for an input of [N, 30]: by position that can only be wrong.
        var folder = WriteShuffled("width-" + Guid.NewGuid().ToString("N")[..6]);
        using var http = platform.Http();

        using var refused = await http.PostAsJsonAsync("/v1/endpoints/cancer/jobs", new { input = new { type = "uri_folder", path = folder } });

        var problem = await Problem.AssertAsync(refused, HttpStatusCode.BadRequest, "ValidationFailed", "settings.input_columns");
        var message = problem.GetProperty("errors").GetProperty("settings.input_columns")[0].GetString()!;
        Assert.Contains("'shuffled.csv' has 31 columns", message);
        Assert.Contains("takes 30 values per row", message);
        Assert.DoesNotContain(platform.DataRoot, problem.GetRawText(), StringComparison.Ordinal);
        using var named = await http.PostAsJsonAsync("/v1/endpoints/cancer/jobs", new { input = new { type = "uri_folder", path = folder }, settings = new { input_columns = Features } });
        Assert.Equal(HttpStatusCode.Accepted, named.StatusCode);
    }

    [Fact]
    public async Task An_empty_cell_fails_its_row_only_and_the_job_log_names_the_setting_when_columns_map_by_position()
    {
        var folder = WriteShuffled("empty-" + Guid.NewGuid().ToString("N")[..6], (row, cells) =>
        {
            if (row == 42)
                cells[3] = "";
            return cells;
        });

        var byName = await platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { InputColumns = Features },
        });
        // Without input_columns the 30 columns of a file without the id map by position, and the log says so.
        var unnamed = WriteShuffled("positional-" + Guid.NewGuid().ToString("N")[..6], withId: false);
        var positional = await platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation { Input = BatchJobInput.Folder(unnamed) });
        var done = await byName.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        await positional.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal((568L, 1L), (done.Progress!.Items.Succeeded, done.Progress.Items.Failed));
        using var http = platform.Http();
        var errors = await http.GetStringAsync($"/v1/jobs/{done.Name}/errors");
        Assert.Contains("\"InvalidValue\"", errors);
        Assert.Contains("\"row\":42", errors.Replace(" ", "", StringComparison.Ordinal));
        var log = await positional.ReadLogAsync(follow: true).ToListAsync();
        Assert.Contains(log, l => l.Contains("settings.input_columns", StringComparison.Ordinal) && l.Contains("order of the header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_value_in_the_first_row_of_a_mini_batch_fails_that_row_only()
    {
        var folder = Path.Combine(platform.DataRoot, "bad-rows-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        BadRowsSample.WriteCsv(Path.Combine(folder, "wide.csv"), 60_000, every: 1_000);

        var job = await platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { MiniBatchSize = "20 rows" },
        });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.True(done.Progress!.MiniBatches.Total >= 1_000, $"{done.Progress.MiniBatches.Total} mini-batches");
        Assert.Equal((59_940L, 60L), (done.Progress.Items.Succeeded, done.Progress.Items.Failed));
        using var http = platform.Http();
        var report = await Platform.ReadJsonAsync(await http.GetAsync($"/v1/jobs/{done.Name}/errors"));
        // Identical errors of a file come grouped: one line, 60 rows from the first to the last bad row.
        var group = Assert.Single(report.GetProperty("value").EnumerateArray());
        Assert.Equal((ItemErrorCodes.InvalidValue, BadRowsSample.FirstFeature, BadRowsSample.BadValue),
            (group.GetProperty("code").GetString(), group.GetProperty("column").GetString(), group.GetProperty("value").GetString()));
        Assert.Equal((60L, 0L, 59_000L), (group.GetProperty("count").GetInt64(), group.GetProperty("first_row").GetInt64(), group.GetProperty("last_row").GetInt64()));
    }

    [Fact]
    public async Task An_ml_net_model_scores_a_shuffled_parquet_file_as_its_references_say()
    {
        var folder = WriteShuffled("mlnet-parquet-" + Guid.NewGuid().ToString("N")[..6], withId: false);
        var csv = Path.Combine(folder, "shuffled.csv");
        await ParquetSample.WriteAsync(File.ReadAllLines(csv), Path.Combine(folder, "shuffled.parquet"), rowsPerGroup: 50);
        File.Delete(csv);
        await platform.Client.CreateModelVersionAsync("cancer-mlnet", RepositoryPaths.Sample("mlnet-cancer", "model.zip"), new Client.Models.ModelVersionMetadata { Type = "mlnet" });
        await platform.Client.CreateOrUpdateEndpointAsync("cancer-mlnet", new Client.Models.BatchEndpointDefinition());
        await platform.Client.CreateOrUpdateDeploymentAsync("cancer-mlnet", "one", new Client.Models.BatchDeploymentDefinition { Model = new Client.Models.ModelReference("cancer-mlnet", 1) });

        var output = await ScoreAllRowsAsync("cancer-mlnet", folder, new BatchJobSettings { MiniBatchSize = "100 rows" });

        var expected = File.ReadAllLines(RepositoryPaths.Sample("mlnet-cancer", "expected.csv"))
            .Select(l => l.Replace("breast_cancer.csv", "shuffled.parquet", StringComparison.Ordinal));
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Runs a job over the sample's 569 rows in more than two mini-batches, checks all scored, and returns its output.</summary>
    private async Task<string> ScoreAllRowsAsync(string endpoint, string folder, BatchJobSettings settings)
    {
        var job = await platform.Client.InvokeEndpointAsync(endpoint, new BatchJobInvocation { Input = BatchJobInput.Folder(folder), Settings = settings });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.True(done.Progress!.MiniBatches.Total > 2, $"{done.Progress.MiniBatches.Total} mini-batches");
        Assert.Equal((569L, 0L), (done.Progress.Items.Succeeded, done.Progress.Items.Failed));
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
