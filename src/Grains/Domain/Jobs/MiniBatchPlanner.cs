using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Splits a job's files into mini-batches without reading them whole.
/// <list type="bullet">
/// <item>A number of files: <c>mini_batch_size</c> files per mini-batch, in the given (ordinal name) order.</item>
/// <item>A byte size: each tabular file is cut into ranges [i*size, (i+1)*size). No pre-scan: a range owns
/// the lines that start inside it (<c>InputSlice</c> semantics), so consecutive ranges cover every line once.</item>
/// <item>A number of rows: turned into a byte size per file from an estimate of bytes per row (the caller
/// samples the first few KB of the file); mini-batches then hold about, not exactly, that many rows.</item>
/// </list>
/// Non-tabular files under a row or byte size are one mini-batch each.
/// </summary>
public static class MiniBatchPlanner
{
    /// <summary>Plans <paramref name="files"/>. <paramref name="bytesPerRow"/> gives the sampled estimate for a file index (only asked for row sizes).</summary>
    public static JobPlan Plan(IReadOnlyList<JobInputFile> files, MiniBatchSize size, Func<int, double>? bytesPerRow = null)
    {
        if (files.Count == 0)
            throw DomainException.Invalid("InputNotFound", "The input has no files to score: point it at a non-empty folder or an existing file.");

        if (size.Kind == MiniBatchSizeKind.Files)
        {
            var perBatch = (int)Math.Min(size.Value, int.MaxValue);
            var count = (int)((files.Count + (long)perBatch - 1) / perBatch);
            return new JobPlan(perBatch, files.Count, [], count, $"{files.Count} files, {perBatch} per mini-batch");
        }

        var segments = new List<PlanSegment>(files.Count);
        var next = 0;
        var notes = new List<string>();
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            long chunk = -1;
            if (TabularFiles.IsTabular(file.FileName))
            {
                chunk = size.Value;
                if (size.Kind == MiniBatchSizeKind.Rows)
                {
                    var perRow = Math.Max(1.0, bytesPerRow?.Invoke(f) ?? throw new ArgumentNullException(nameof(bytesPerRow)));
                    chunk = (long)Math.Max(1, Math.Round(size.Value * perRow));
                    if (notes.Count < 3) notes.Add($"{file.FileName}: ~{perRow:0.#} bytes per row -> {chunk} bytes per mini-batch");
                }
            }
            var batches = chunk < 0 || file.Length <= chunk ? 1 : (int)((file.Length + chunk - 1) / chunk);
            segments.Add(new PlanSegment(f, next, batches, batches == 1 ? -1 : chunk));
            next += batches;
        }
        var note = $"{files.Count} files cut into {next} mini-batches of {size}" + (notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : "");
        return new JobPlan(0, files.Count, segments, next, note);
    }
}
