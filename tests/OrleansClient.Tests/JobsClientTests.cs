using System.Collections.Concurrent;
using System.Text;
using OrleansBatch.Abstractions;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Abstractions.Jobs;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>Jobs through the Orleans client: the REST gateway's invoke pipeline, reached over the grain interfaces.</summary>
[Collection(PlatformCollection.Name)]
public sealed class JobsClientTests(GatewayFixture platform) : IAsyncLifetime
{
    private TenantScenario _scenario = null!;

    private JobsClient Jobs => _scenario.Batch.Jobs;

    public async Task InitializeAsync() => _scenario = await TenantScenario.StartAsync(platform);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private async Task<string> OutputAsync(string job)
    {
        using var output = new MemoryStream();
        await Jobs.DownloadOutputAsync(job, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task Invokes_an_endpoint_follows_the_job_and_reads_every_row_in_input_order()
    {
        var input = _scenario.AddInput(platform, "wine.csv");
        var seen = new ConcurrentQueue<JobInfo>();

        var (job, created) = await Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input, JobInvocationInput.UriFile)],
            Settings: new JobInvocationSettings(MiniBatchSize: "20 rows", MaxConcurrencyPerInstance: 2)));
        var done = await Jobs.WaitForCompletionAsync(job.Name, new Progress<JobInfo>(seen.Enqueue));

        Assert.True(created);
        Assert.Equal((TenantScenario.Endpoint, TenantScenario.Deployment, 1), (job.Endpoint, job.Deployment, job.DeploymentVersion));
        Assert.Equal("Completed", done.Status);
        Assert.True(done.HasEnded);
        Assert.Null(done.Error);
        Assert.Equal((9, 9, 0), (done.Progress.MiniBatchesTotal, done.Progress.MiniBatchesSucceeded, done.Progress.MiniBatchesFailed));
        Assert.Equal((178L, 0L, 178L), (done.Progress.ItemsSucceeded, done.Progress.ItemsFailed, done.Progress.RowsWritten));
        Assert.Equal($"jobs/{job.Name}/score/predictions.csv", done.Output);
        Assert.NotEmpty(seen);
        Samples.AssertSameRows(Samples.WineExpected, Samples.Lines(await OutputAsync(job.Name)));
        Assert.Contains(await Jobs.ListAsync(new JobListQuery(Endpoint: TenantScenario.Endpoint)).ToListAsync(), j => j.Name == job.Name);
        Assert.Empty(await Jobs.GetErrorsAsync(job.Name).ToListAsync());
    }

    [Fact]
    public async Task The_registered_model_and_the_deployment_made_through_the_client_are_read_back()
    {
        var model = await _scenario.Batch.Models.GetAsync(TenantScenario.Model);
        var deployment = await _scenario.Batch.Deployments.GetAsync(TenantScenario.Endpoint, TenantScenario.Deployment);
        var endpoint = await _scenario.Batch.Endpoints.GetAsync(TenantScenario.Endpoint);

        Assert.Equal((TenantScenario.Model, 1), (model.Name, model.Version));
        Assert.Equal("input", Assert.Single(model.Inputs).Name);
        Assert.Equal(TenantScenario.Model, Assert.Single(await _scenario.Batch.Models.ListAsync().ToListAsync()).Name);
        Assert.Single(await _scenario.Batch.Models.ListVersionsAsync(TenantScenario.Model).ToListAsync());
        var graph = Assert.Single(deployment.State.Current.Spec.Graphs);
        Assert.Equal((TenantScenario.Model, 1), (graph.Name, graph.Version));
        Assert.Equal(TenantScenario.Deployment, endpoint.State.DefaultDeployment);
        Assert.Equal([TenantScenario.Deployment], (await _scenario.Batch.Deployments.ListAsync(TenantScenario.Endpoint).ToListAsync()).Select(d => d.State.Name));
    }

    [Fact]
    public async Task An_invoke_repeated_with_its_idempotency_key_returns_the_first_job_and_a_different_request_under_it_is_refused()
    {
        var input = _scenario.AddInput(platform, "wine.csv");
        var invocation = new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)], IdempotencyKey: "nightly-2026-11-30");

        var first = await Jobs.InvokeAsync(invocation);
        var again = await Jobs.InvokeAsync(invocation);
        var other = await Assert.ThrowsAsync<DomainException>(() => Jobs.InvokeAsync(invocation with { Deployment = TenantScenario.Deployment }));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Job.Name, again.Job.Name);
        Assert.Equal((422, "IdempotencyKeyReused"), (other.Status, other.Code));
        Assert.Single(await Jobs.ListAsync().ToListAsync());
        Assert.Equal("Completed", (await Jobs.WaitForCompletionAsync(first.Job.Name)).Status);
    }

    [Fact]
    public async Task The_error_report_lists_the_row_that_could_not_be_scored_and_the_others_are_written()
    {
        var lines = File.ReadAllLines(Samples.WineCsv).Take(4).ToArray();
        var cells = lines[2].Split(',');
        cells[3] = "not-a-number";
        lines[2] = string.Join(',', cells);
        var input = _scenario.AddInput(platform, "wine.csv", string.Join('\n', lines) + "\n");

        var (job, _) = await Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)],
            Output: new JobInvocationOutput("scores/run-1", "bad-row.csv")));
        var done = await Jobs.WaitForCompletionAsync(job.Name);
        var error = Assert.Single(await Jobs.GetErrorsAsync(job.Name).ToListAsync());

        Assert.Equal("Completed", done.Status);
        Assert.Equal((2L, 1L), (done.Progress.ItemsSucceeded, done.Progress.ItemsFailed));
        Assert.Equal("scores/run-1/bad-row.csv", done.Output);
        Assert.Equal(("wine.csv", 1L, "InvalidValue", 1L), (error.FileName, error.Row, error.Code, error.Count));
        Assert.Equal(["wine.csv,0", "wine.csv,2"], Samples.Lines(await OutputAsync(job.Name)).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
    }

    [Fact]
    public async Task Refusals_are_DomainExceptions_with_the_REST_APIs_status_and_code()
    {
        var input = _scenario.AddInput(platform, "wine.csv");
        var outside = Samples.WineCsv; // a file that exists, outside the tenant's data roots

        var noEndpoint = await Assert.ThrowsAsync<DomainException>(() => _scenario.Batch.Endpoints.GetAsync("no-such-endpoint"));
        var noJob = await Assert.ThrowsAsync<DomainException>(() => Jobs.GetAsync("no-such-job"));
        var notAllowed = await Assert.ThrowsAsync<DomainException>(() => Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(outside)])));
        var noInputs = await Assert.ThrowsAsync<DomainException>(() => Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [])));
        var badSettings = await Assert.ThrowsAsync<DomainException>(() => Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)],
            Settings: new JobInvocationSettings(InstanceCount: 0, OutputAction: "print"))));
        var unknownEndpoint = await Assert.ThrowsAsync<DomainException>(() => Jobs.InvokeAsync(new JobInvocation("no-such-endpoint", [new JobInvocationInput(input)])));
        var (job, _) = await Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)]));
        await Jobs.WaitForCompletionAsync(job.Name);
        var ended = await Assert.ThrowsAsync<DomainException>(() => Jobs.CancelAsync(job.Name));

        Assert.Equal((404, "EndpointNotFound"), (noEndpoint.Status, noEndpoint.Code));
        Assert.Equal((404, "JobNotFound"), (noJob.Status, noJob.Code));
        Assert.Equal((400, "InputNotAllowed"), (notAllowed.Status, notAllowed.Code));
        Assert.DoesNotContain(platform.DataDirectory, notAllowed.Message, StringComparison.Ordinal);
        Assert.Equal((400, "ValidationFailed"), (noInputs.Status, noInputs.Code));
        Assert.Contains("inputs", noInputs.Errors!.Keys);
        Assert.Equal((400, "ValidationFailed"), (badSettings.Status, badSettings.Code));
        Assert.Contains("settings.output_action", badSettings.Errors!.Keys);
        Assert.Equal((404, "EndpointNotFound"), (unknownEndpoint.Status, unknownEndpoint.Code));
        Assert.Equal((409, "JobTerminal"), (ended.Status, ended.Code));
    }

    [Fact]
    public async Task A_running_job_is_canceled_and_ends_Canceled()
    {
        // 20 copies of the wine rows, one row per mini-batch, one at a time: thousands of mini-batches, far from done when the cancel comes.
        var rows = File.ReadAllLines(Samples.WineCsv);
        var input = _scenario.AddInput(platform, "many.csv", string.Join('\n', rows.Take(1).Concat(Enumerable.Repeat(rows.Skip(1), 20).SelectMany(r => r))) + "\n");
        var (job, _) = await Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)],
            Settings: new JobInvocationSettings(MiniBatchSize: "1 rows", MaxConcurrencyPerInstance: 1)));

        var canceling = await Jobs.CancelAsync(job.Name);
        var done = await Jobs.WaitForCompletionAsync(job.Name);

        Assert.Contains(canceling.Status, new[] { "CancelRequested", "Canceled" });
        Assert.Equal("Canceled", done.Status);
        Assert.True(done.Progress.MiniBatchesSucceeded < done.Progress.MiniBatchesTotal);
        Assert.Equal((409, "OutputNotReady"), await Assert.ThrowsAsync<DomainException>(() => OutputAsync(job.Name)) is var e ? (e.Status, e.Code) : default);
    }
}
