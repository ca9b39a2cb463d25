using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary><c>append_row</c>: one output file with every scored row in input order; <c>summary_only</c>: only the job summary.</summary>
[GenerateSerializer, Alias("obatch.jobs.OutputAction")]
public enum OutputAction { AppendRow, SummaryOnly }
