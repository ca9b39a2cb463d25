using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests;

/// <summary>Mini-batch retries and timeouts seen through REST, against the gateway running as its own process.</summary>
public sealed class RetryTests(Platform platform) : IClassFixture<Platform>
{
    private static readonly string[] Terminal = ["Completed", "Failed", "Canceled"];

    [Fact]
    public async Task A_file_missing_at_the_first_attempt_is_retried_and_the_job_completes_with_every_row()
    {
        var folder = platform.CopySample("retry-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        // Mini-batch 0's first file is a named pipe (a second name of it outside the folder lets the test
        // release it), so mini-batch 0 cannot end before the test puts the real image in its place; with a
        // window of 1, mini-batch 1 starts only after that.
        var id = Guid.NewGuid().ToString("N")[..6];
        var gate = Path.Combine(folder, "digit_000.png");
        var image = Path.Combine(platform.DataRoot, $"gate-{id}.png");
        var release = Path.Combine(platform.DataRoot, $"gate-{id}.fifo");
        File.Move(gate, image);
        Run("mkfifo", gate);
        Run("ln", gate, release);
        var late = Path.Combine(folder, "digit_013.png");
        var lateBytes = File.ReadAllBytes(late);
        using var http = platform.Http();

        var name = await InvokeAsync(http, new
        {
            input = new { type = "uri_folder", path = folder },
            settings = new { mini_batch_size = 10, max_concurrency_per_instance = 1 },
        });
        // The worker of mini-batch 0 is blocked opening the pipe before the test swaps it.
        await WaitForPipeReaderAsync(platform.Gateway.ProcessId);
        // Listed at invoke, gone when mini-batch 1 runs its first attempt, back for a retry.
        File.Delete(late);
        File.Move(image, gate, overwrite: true);
        // Opening the pipe read-write ends a reader blocked in opening it; it then finds the image.
        File.OpenHandle(release, FileMode.Open, FileAccess.ReadWrite).Dispose();
        File.Delete(release);
        await WaitForLogAsync(http, name, "mini-batch 1 attempt 1 of 4 failed: InputUnreadable");
        await File.WriteAllBytesAsync(late, lateBytes);
        var job = await WaitForEndAsync(http, name);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal((6, 0), (progress.GetProperty("mini_batches").GetProperty("succeeded").GetInt32(), progress.GetProperty("mini_batches").GetProperty("failed").GetInt32()));
        Assert.Equal((60, 0), (progress.GetProperty("items").GetProperty("succeeded").GetInt32(), progress.GetProperty("items").GetProperty("failed").GetInt32()));
        Assert.Equal(0, (await Platform.ReadJsonAsync(await http.GetAsync($"/v1/jobs/{name}/errors"))).GetProperty("value").GetArrayLength());
        var log = await http.GetStringAsync($"/v1/jobs/{name}/logs");
        Assert.Contains("mini-batch 1 scored on attempt ", log);
        Assert.DoesNotContain("mini-batch 0 attempt", log);
        Platform.AssertSameRows(File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv")), await http.GetStringAsync($"/v1/jobs/{name}/outputs/score"));
    }

    [Fact]
    public async Task A_mini_batch_hung_past_its_timeout_is_retried_then_reported_and_the_others_complete()
    {
        var folder = platform.CopySample("timeout-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        // A named pipe nobody writes to: reading it hangs like a stuck scorer.
        var hung = Path.Combine(folder, "digit_030.png");
        File.Delete(hung);
        Run("mkfifo", hung);
        using var http = platform.Http();
        try
        {
            var name = await InvokeAsync(http, new
            {
                input = new { type = "uri_folder", path = folder },
                settings = new { mini_batch_size = 10, retry_settings = new { max_retries = 1, timeout = 1 }, error_threshold = -1 },
            });
            var job = await WaitForEndAsync(http, name);

            Assert.Equal("Completed", job.GetProperty("status").GetString());
            var batches = job.GetProperty("progress").GetProperty("mini_batches");
            Assert.Equal((5, 1), (batches.GetProperty("succeeded").GetInt32(), batches.GetProperty("failed").GetInt32()));
            var errors = (await Platform.ReadJsonAsync(await http.GetAsync($"/v1/jobs/{name}/errors"))).GetProperty("value").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(30, 10).Select(i => $"digit_{i:000}.png"), errors.Select(e => e.GetProperty("file_name").GetString()));
            Assert.All(errors, e => Assert.Equal((3, 2, "Timeout"), (e.GetProperty("mini_batch").GetInt32(), e.GetProperty("attempt").GetInt32(), e.GetProperty("code").GetString())));
            var log = await http.GetStringAsync($"/v1/jobs/{name}/logs");
            Assert.Contains("mini-batch 3 attempt 1 of 2 failed: Timeout", log);
            Assert.Contains("mini-batch 3 attempt 2 of 2 failed: Timeout", log);
            Assert.Contains("mini-batch 3 failed after 2 attempt(s)", log);
            var rows = (await http.GetStringAsync($"/v1/jobs/{name}/outputs/score")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(51, rows.Length);
            Assert.DoesNotContain(rows, r => r.StartsWith("digit_03", StringComparison.Ordinal));
        }
        finally
        {
            // Opening the pipe read-write lets the abandoned readers in the gateway end.
            File.OpenHandle(hung, FileMode.Open, FileAccess.ReadWrite).Dispose();
        }
    }

    private static async Task<string> InvokeAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/v1/endpoints/digits/jobs", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await Platform.ReadJsonAsync(response)).GetProperty("name").GetString()!;
    }

    /// <summary>Polls the job until it ends (the guard only stops a hung test; it asserts no speed).</summary>
    private static async Task<JsonElement> WaitForEndAsync(HttpClient http, string name)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var job = await Platform.ReadJsonAsync(await http.GetAsync($"/v1/jobs/{name}", guard.Token));
            if (Terminal.Contains(job.GetProperty("status").GetString()))
                return job;
            await Task.Delay(100, guard.Token);
        }
    }

    private static async Task WaitForLogAsync(HttpClient http, string name, string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(await http.GetStringAsync($"/v1/jobs/{name}/logs", guard.Token)).Contains(text, StringComparison.Ordinal))
            await Task.Delay(25, guard.Token);
    }

    /// <summary>
    /// Waits until a scoring thread of <paramref name="processId"/> is blocked opening a named pipe (Linux names that
    /// wait <c>wait_for_partner</c>; the runtime's own debugger thread waits on a pipe too, so the thread's name counts).
    /// </summary>
    private static async Task WaitForPipeReaderAsync(int processId)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Directory.EnumerateDirectories($"/proc/{processId}/task").Any(t =>
                   ReadOrEmpty(Path.Combine(t, "comm")) == "obatch-scoring" && ReadOrEmpty(Path.Combine(t, "wchan")) == "wait_for_partner"))
            await Task.Delay(25, guard.Token);
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return ""; }
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
