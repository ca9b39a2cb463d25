using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrleansBatch.Api.Assets;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Jobs;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Hosting;

namespace OrleansBatch.Api.Dashboard;

/// <summary>
/// Everything the dashboard reads and does, through the same services the REST handlers call (the
/// one file to adapt when those services move onto grains). Every tenant call takes the signed-in
/// tenant, so a page can never name another tenant's resource. Failures are <see cref="DomainException"/>s
/// carrying the REST API's status, code and message.
/// </summary>
internal sealed class DashboardData(
    IGrainFactory grains, JobService jobs, JobInvoker invoker, ClusterView cluster, ModelRegistration registration, IArtifactStore artifacts,
    IOptions<GatewayOptions> options)
{
    /// <summary>Rows per page of the dashboard's lists.</summary>
    public const int PageSize = 25;

    public Task<JobPage> ListJobsAsync(string tenant, JobListFilter filter, string? continuation, CancellationToken cancellationToken) =>
        jobs.ListAsync(tenant, filter, PageSize, continuation, cancellationToken);

    public Task<JobState> GetJobAsync(string tenant, string name, CancellationToken cancellationToken) => jobs.GetAsync(tenant, name, cancellationToken);

    public Task<JobState> CancelJobAsync(string tenant, string name, CancellationToken cancellationToken) => jobs.CancelAsync(tenant, name, cancellationToken);

    public IAsyncEnumerable<string> LogAsync(string tenant, string name, bool follow, CancellationToken cancellationToken) =>
        jobs.LogAsync(tenant, name, follow, cancellationToken);

    public Task<(Stream Content, string FileName, string ContentType)> OpenOutputAsync(string tenant, string name, CancellationToken cancellationToken) =>
        jobs.OpenOutputAsync(tenant, name, cancellationToken);

    /// <summary>The job's item errors with identical ones (code, message, file) grouped, in order of first appearance.</summary>
    public async Task<IReadOnlyList<JobErrorGroup>> ErrorGroupsAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<(string, string, string), JobErrorGroup>();
        await foreach (var e in jobs.ErrorsAsync(tenant, name, cancellationToken))
        {
            var key = (e.Code, e.Message, e.FileName);
            var last = e.Row is { } row && e.RowCount is > 1 ? row + e.RowCount - 1 : e.Row;
            groups[key] = groups.TryGetValue(key, out var g)
                ? g with { Count = g.Count + 1, FirstRow = Min(g.FirstRow, e.Row), LastRow = Max(g.LastRow, last) }
                : new JobErrorGroup(e.Code, e.Message, e.FileName, 1, e.Row, last, e.MiniBatch);
        }
        return groups.Values.ToList();
    }

    /// <summary>Per silo, the job's recorded mini-batches (a result's worker is <c>worker@silo</c>).</summary>
    public async Task<IReadOnlyList<SiloShare>> SiloSharesAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var results = new List<MiniBatchResult>();
        await foreach (var result in jobs.MiniBatchResultsAsync(tenant, name, cancellationToken))
            results.Add(result);
        return results
            .GroupBy(r => r.Worker.Contains('@') ? r.Worker[(r.Worker.IndexOf('@') + 1)..] : r.Worker, StringComparer.Ordinal)
            .Select(g => new SiloShare(g.Key, g.Count(), g.Count(r => !r.Succeeded), g.Sum(r => r.ItemsSucceeded + r.ItemsFailed),
                Math.Round(g.Average(r => r.DurationMs), 1), g.Select(r => r.Worker).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(s => s.Silo, StringComparer.Ordinal)
            .ToList();
    }

    public Task<Page<Snapshot<EndpointState>>> ListEndpointsAsync(string tenant, string? continuation, CancellationToken cancellationToken) =>
        For(tenant).Catalog(tenant).ListEndpointsAsync(PageSize, continuation);

    public Task<Snapshot<EndpointState>> GetEndpointAsync(string tenant, string name, CancellationToken cancellationToken) =>
        For(tenant).Endpoint(tenant, ResourceName.Normalize(name, "endpoint")).GetAsync();

    /// <summary>An endpoint's deployments, every version of each (an endpoint has a handful).</summary>
    public async Task<IReadOnlyList<DeploymentState>> DeploymentsAsync(string tenant, string endpoint, CancellationToken cancellationToken)
    {
        var all = new List<DeploymentState>();
        string? continuation = null;
        do
        {
            var page = await For(tenant).Catalog(tenant).ListDeploymentsAsync(endpoint, ListQuery.MaxTop, continuation);
            all.AddRange(page.Items.Select(d => d.State));
            continuation = page.Continuation;
        } while (continuation is not null);
        return all;
    }

    /// <summary>Makes <paramref name="deployment"/> the endpoint's default, as <c>PATCH {"defaults":{"deployment_name":...}}</c> does.</summary>
    public Task<Snapshot<EndpointState>> SetDefaultDeploymentAsync(string tenant, string endpoint, string deployment, CancellationToken cancellationToken) =>
        For(tenant).Endpoint(tenant, ResourceName.Normalize(endpoint, "endpoint"))
            .PatchAsync(new JsonObject { ["defaults"] = new JsonObject { ["deployment_name"] = deployment } }.ToJsonString(), null);

    /// <summary>Invokes the endpoint as <c>POST /v1/endpoints/{e}/jobs</c> does; returns the new job.</summary>
    public async Task<JobState> InvokeAsync(string tenant, string endpoint, InvokeRequest request, CancellationToken cancellationToken)
    {
        var settings = new JobSettingsOverrides(
            MiniBatchSize: request.MiniBatchSize, InstanceCount: request.InstanceCount,
            MaxConcurrencyPerInstance: request.MaxConcurrencyPerInstance, OutputFileName: request.OutputFileName);
        var body = new InvokeBody(request.Deployment, [new InvokeInput("input", request.InputType, request.InputPath, "input.path")],
            null, request.OutputFileName, OutputPolicy.Fail, settings);
        For(tenant);
        var (job, _) = await invoker.InvokeAsync(tenant, ResourceName.Normalize(endpoint, "endpoint"), body, null, cancellationToken);
        return job;
    }

    /// <summary>Stores uploaded files as <c>POST /v1/uploads</c> does; returns their <c>upload://&lt;id&gt;/</c> path.</summary>
    public async Task<string> UploadAsync(string tenant, IFormFileCollection files, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = ArtifactPaths.UploadFolder(tenant, id);
        foreach (var (name, file) in SafeNames(files))
        {
            await using var content = file.OpenReadStream();
            await artifacts.WriteAsync(folder + name, content, overwrite: false, cancellationToken);
        }
        return $"{ArtifactPaths.UploadScheme}{id}/";
    }

    public Task<Page<AssetSummary>> ListModelsAsync(string tenant, string? continuation, CancellationToken cancellationToken) =>
        For(tenant).Catalog(tenant).ListModelsAsync(PageSize, continuation);

    public Task<Page<ModelVersion>> ModelVersionsAsync(string tenant, string name, string? continuation, CancellationToken cancellationToken) =>
        For(tenant).Model(tenant, ResourceName.Normalize(name)).ListVersionsAsync(PageSize, continuation);

    /// <summary>Registers a model version from the upload form, checked by ONNX Runtime as <c>POST /v1/models/{name}/versions</c> does.</summary>
    public Task<ModelVersion> RegisterModelAsync(string tenant, string name, IFormFileCollection files, string? description, CancellationToken cancellationToken)
    {
        For(tenant);
        return registration.RegisterAsync(tenant, ResourceName.Normalize(name), async receive =>
        {
            foreach (var (fileName, file) in SafeNames(files))
            {
                await using var content = file.OpenReadStream();
                await receive(fileName, content);
            }
            return string.IsNullOrWhiteSpace(description) ? null : new JsonObject { ["description"] = description }.ToJsonString();
        }, cancellationToken, files.Sum(f => f.Length));
    }

    public Task<Page<AssetSummary>> ListDataAsync(string tenant, string? continuation, CancellationToken cancellationToken) =>
        For(tenant).Catalog(tenant).ListDataAsync(PageSize, continuation);

    public Task<Page<DataVersion>> DataVersionsAsync(string tenant, string name, string? continuation, CancellationToken cancellationToken) =>
        For(tenant).Data(tenant, ResourceName.Normalize(name)).ListVersionsAsync(PageSize, continuation);

    public Task<DataVersion> AddDataVersionAsync(string tenant, string name, string type, string path, string? description, CancellationToken cancellationToken) =>
        For(tenant).Data(tenant, ResourceName.Normalize(name)).AddVersionAsync(new DataDraft(type, path, string.IsNullOrWhiteSpace(description) ? null : description, null));

    /// <summary>The folders local inputs may come from, as this tenant sees them.</summary>
    public IReadOnlyList<string> DataRoots(string tenant) =>
        options.Value.DataRoots.Select(r => r.Replace("{tenant}", tenant, StringComparison.Ordinal)).ToList();

    public Task<Page<Snapshot<TenantState>>> ListTenantsAsync(string? continuation, CancellationToken cancellationToken) =>
        For(TenantContext.Platform).Catalog(TenantContext.Platform).ListTenantsAsync(PageSize, continuation);

    public Task<Snapshot<TenantState>> CreateTenantAsync(string name, CancellationToken cancellationToken) =>
        For(TenantContext.Platform).Tenant(ResourceName.Normalize(name)).CreateAsync();

    public Task<IReadOnlyList<ClusterSilo>> ListSilosAsync()
    {
        For(TenantContext.Platform);
        return cluster.ListAsync();
    }

    /// <summary>The form's files with safe names, as multipart uploads get them; a name given twice is refused.</summary>
    private static IEnumerable<(string Name, IFormFile File)> SafeNames(IFormFileCollection files)
    {
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count == 0)
            throw DomainException.Validation("file", "choose at least one file.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in chosen)
        {
            var name = UploadFileName.Sanitize(file.FileName);
            if (!names.Add(name))
                throw DomainException.Validation("file", $"two files are named '{name}'; rename one.");
            yield return (name, file);
        }
    }

    /// <summary>
    /// The grain factory for calls made for <paramref name="tenant"/> (or the platform): the silos' tenant filter checks every
    /// call against it. The gateway sets it from API keys; the dashboard's requests are signed in by cookie, so it is set here.
    /// </summary>
    private IGrainFactory For(string tenant)
    {
        TenantContext.Set(tenant);
        return grains;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
