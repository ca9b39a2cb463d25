using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Jobs;

/// <summary>Where a batch job is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchJobStatus>))]
public enum BatchJobStatus { NotStarted, Queued, Running, CancelRequested, Finalizing, Completed, Failed, Canceled }
