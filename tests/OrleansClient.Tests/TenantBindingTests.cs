using OrleansBatch.Abstractions;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>A client is bound to its one tenant: the silos' tenant filter refuses every grain of another tenant, however it is addressed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TenantBindingTests(GatewayFixture platform) : IAsyncLifetime
{
    private TenantScenario _a = null!;
    private TenantScenario _b = null!;

    public async Task InitializeAsync()
    {
        _a = await TenantScenario.StartAsync(platform, withEndpoint: false);
        _b = await TenantScenario.StartAsync(platform);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_forged_key_for_another_tenants_grain_is_refused_by_the_silo_even_with_that_tenant_set_in_the_request_context()
    {
        var input = _b.AddInput(platform, "wine.csv");
        var (job, _) = await _b.Batch.Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)]));
        var cluster = _a.Client.Cluster;

        var endpoint = await Assert.ThrowsAsync<CrossTenantCallException>(() => cluster.GetGrain<IEndpointGrain>(GrainKeys.Of(_b.Tenant, TenantScenario.Endpoint)).GetAsync());
        var jobs = await Assert.ThrowsAsync<CrossTenantCallException>(() => cluster.GetGrain<IJobsGrain>(_b.Tenant).GetAsync(job.Name));
        TenantContext.Set(_b.Tenant);
        var forged = await Assert.ThrowsAsync<CrossTenantCallException>(() => cluster.Jobs(_b.Tenant).InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)])));
        TenantContext.Set(TenantContext.Platform);
        var platformClaim = await Assert.ThrowsAsync<CrossTenantCallException>(() => cluster.Catalog(TenantContext.Platform).ListTenantsAsync(10, null));

        Assert.Contains(_a.Tenant, endpoint.Message, StringComparison.Ordinal);
        Assert.Contains(_a.Tenant, jobs.Message, StringComparison.Ordinal);
        Assert.Contains(_a.Tenant, forged.Message, StringComparison.Ordinal);
        Assert.Contains(_a.Tenant, platformClaim.Message, StringComparison.Ordinal);
        Assert.Single(await _b.Batch.Jobs.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task The_silos_internal_grains_refuse_a_tenants_client_even_for_its_own_jobs_and_the_job_is_untouched()
    {
        var input = _b.AddInput(platform, "wine.csv");
        var (job, _) = await _b.Batch.Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)]));
        var own = GrainKeys.Of(_b.Tenant, job.Name);
        var cluster = _b.Client.Cluster;

        // The job's record would show its full spec; a crafted job or mini-batch could name any file on the server.
        var read = await Assert.ThrowsAsync<InternalGrainCallException>(() => cluster.GetGrain<IJobStateGrain>(own).ReadAsync());
        var cancel = await Assert.ThrowsAsync<InternalGrainCallException>(() => cluster.GetGrain<IJobStateGrain>(own).RequestCancelAsync());
        var start = await Assert.ThrowsAsync<InternalGrainCallException>(() => cluster.GetGrain<IJobGrain>(own).StartAsync());
        var foreign = await Assert.ThrowsAsync<InternalGrainCallException>(() => _a.Client.Cluster.GetGrain<IJobStateGrain>(own).ReadAsync());

        Assert.All(new[] { read, cancel, start, foreign }, e => Assert.Contains("IJobsGrain", e.Message, StringComparison.Ordinal));
        // The mini-batch grain's one call is one-way (no answer to refuse with): it carries the same mark the filter checks.
        Assert.All(new[] { typeof(IJobStateGrain), typeof(IJobGrain), typeof(IMiniBatchGrain) }, t => Assert.True(t.IsDefined(typeof(SiloInternalAttribute), false), t.Name));
        var done = await _b.Batch.Jobs.WaitForCompletionAsync(job.Name);
        Assert.Equal("Completed", done.Status);
    }

    [Fact]
    public async Task Through_the_facade_another_tenants_endpoints_and_jobs_are_not_found()
    {
        var input = _b.AddInput(platform, "wine.csv");
        var (job, _) = await _b.Batch.Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)]));
        TenantContext.Set(_b.Tenant);

        var endpoint = await Assert.ThrowsAsync<DomainException>(() => _a.Batch.Endpoints.GetAsync(TenantScenario.Endpoint));
        var foreignJob = await Assert.ThrowsAsync<DomainException>(() => _a.Batch.Jobs.GetAsync(job.Name));
        var invoke = await Assert.ThrowsAsync<DomainException>(() => _a.Batch.Jobs.InvokeAsync(new JobInvocation(TenantScenario.Endpoint, [new JobInvocationInput(input)])));

        Assert.Equal(_a.Tenant, _a.Batch.Tenant);
        Assert.Equal((404, "EndpointNotFound"), (endpoint.Status, endpoint.Code));
        Assert.Equal((404, "JobNotFound"), (foreignJob.Status, foreignJob.Code));
        Assert.Equal((404, "EndpointNotFound"), (invoke.Status, invoke.Code));
        Assert.Empty(await _a.Batch.Jobs.ListAsync().ToListAsync());
        Assert.Empty(await _a.Batch.Endpoints.ListAsync().ToListAsync());
    }
}
