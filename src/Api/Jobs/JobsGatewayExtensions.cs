using Microsoft.Extensions.Options;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Api.Jobs;

/// <summary>The gateway's part of jobs: job settings from configuration (section <c>Jobs</c>, data roots from <c>OBATCH_DATA_ROOTS</c>).</summary>
public static class JobsGatewayExtensions
{
    public static IServiceCollection AddJobsGateway(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName)
            .Configure<IOptions<GatewayOptions>>((jobs, gateway) =>
            {
                jobs.DataRoots = gateway.Value.DataRoots.ToList();
                jobs.DataDirectory = gateway.Value.DataDirectory;
            });
        return services;
    }
}
