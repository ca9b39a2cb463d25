using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Source-generated log messages of job orchestration.</summary>
internal static partial class JobLogMessages
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Job {Tenant}/{JobId} ended {Status}")]
    public static partial void JobEnded(ILogger logger, string tenant, string jobId, JobStatus status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Silo {SiloId} owns job {Tenant}/{JobId}")]
    public static partial void Owning(ILogger logger, string siloId, string tenant, string jobId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Silo {SiloId} lost job {Tenant}/{JobId} to another activation")]
    public static partial void OwnershipLost(ILogger logger, string siloId, string tenant, string jobId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Running job {Tenant}/{JobId} failed; it is started again at the owner's next tick")]
    public static partial void OwnerFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Resuming live jobs failed")]
    public static partial void ResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Indexed {Count} job(s) stored before the job list index existed")]
    public static partial void ListIndexBackfilled(ILogger logger, int count);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Indexing jobs stored before the job list index existed failed; it runs again at the next start")]
    public static partial void ListIndexBackfillFailed(ILogger logger, Exception exception);
}
