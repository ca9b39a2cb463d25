namespace OrleansBatch.Api.Dashboard;

/// <summary>Where a job's mini-batches ran: per silo, how many (and how many failed), their items and scoring time.</summary>
internal sealed record SiloShare(string Silo, int MiniBatches, int Failed, long Items, double AverageMs, int Workers);
