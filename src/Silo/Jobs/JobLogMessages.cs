using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Source-generated log messages of job orchestration and workers.</summary>
internal static partial class JobLogMessages
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Job {Tenant}/{JobId} ended {Status}")]
    public static partial void JobEnded(ILogger logger, string tenant, string jobId, JobStatus status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Silo {SiloId} owns job {Tenant}/{JobId}")]
    public static partial void Owning(ILogger logger, string siloId, string tenant, string jobId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Silo {SiloId} lost the lease of job {Tenant}/{JobId}")]
    public static partial void LeaseLost(ILogger logger, string siloId, string tenant, string jobId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Owning job {Tenant}/{JobId} failed; the lease is released so it can resume")]
    public static partial void OwnerFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Worker failed on a message of queue {Queue}")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Job sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
