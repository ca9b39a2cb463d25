using Orleans;
using System.Globalization;
using System.Text;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Api.Metrics;

/// <summary>Counters and gauges of this gateway process, rendered in the Prometheus text format.</summary>
internal sealed class GatewayMetrics(IGrainFactory grains, ClusterView cluster)
{
    private readonly long[] _requestsByClass = new long[6];

    public void RecordResponse(int status)
    {
        var statusClass = status / 100;
        if (statusClass is >= 1 and <= 5)
            Interlocked.Increment(ref _requestsByClass[statusClass]);
    }

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("# HELP obatch_http_requests_total HTTP requests answered by this gateway, by status class.\n");
        text.Append("# TYPE obatch_http_requests_total counter\n");
        for (var statusClass = 1; statusClass <= 5; statusClass++)
            Line(text, $"obatch_http_requests_total{{status_class=\"{statusClass}xx\"}}", Interlocked.Read(ref _requestsByClass[statusClass]));

        text.Append("# HELP obatch_tenants Tenants on the platform.\n");
        text.Append("# TYPE obatch_tenants gauge\n");
        TenantContext.Set(TenantContext.Platform);
        Line(text, "obatch_tenants", await grains.Catalog(TenantContext.Platform).CountTenantsAsync().ConfigureAwait(false));

        var silos = await cluster.ListAsync().ConfigureAwait(false);
        text.Append("# HELP obatch_silos Silos in the cluster, by status.\n");
        text.Append("# TYPE obatch_silos gauge\n");
        foreach (var status in new[] { "Active", "ShuttingDown", "Dead" })
            Line(text, $"obatch_silos{{status=\"{status}\"}}", silos.Count(s => s.Status == status));

        text.Append("# HELP obatch_active_mini_batches Mini-batches placed on the cluster's silos now (waiting for a slot or scoring).\n");
        text.Append("# TYPE obatch_active_mini_batches gauge\n");
        Line(text, "obatch_active_mini_batches", silos.Sum(s => s.ActiveMiniBatches));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, long value) =>
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
