using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>How <see cref="MiniBatchSize"/> counts: files per mini-batch, rows of a tabular file, or bytes of a tabular file.</summary>
[GenerateSerializer, Alias("obatch.jobs.MiniBatchSizeKind")]
public enum MiniBatchSizeKind { Files, Rows, Bytes }
