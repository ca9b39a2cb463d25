using System.Globalization;
using System.Text;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Joins mini-batch output parts into the <c>append_row</c> file in input order. A part holds lines
/// <c>rowInSlice,values</c>, one run of lines per slice as its manifest lists; a byte-range slice does not
/// know its first row number, so the joiner keeps each file's running row base and adds it. Each part is
/// staged as one block and the block list committed in order (no copy of the whole file). Parts are read
/// from <paramref name="artifacts"/>; the output is assembled in <paramref name="output"/> (the same store
/// unless the job writes to another container).
/// </summary>
public sealed class OutputJoiner(IArtifactStore artifacts, IArtifactStore? output = null)
{
    private readonly IArtifactStore _output = output ?? artifacts;

    private const string HeaderBlock = "0000000000";

    /// <summary>Parts read, rewritten and staged at once while joining (each streamed through a 64 KB buffer).</summary>
    private const int MaxParallelParts = 8;

    /// <summary>The header row: identity columns, then the model's output columns.</summary>
    public static string Header(IReadOnlyList<string> columns) =>
        string.Join(',', new[] { "file_name", "row" }.Concat(columns.Select(CsvField.Quote)));

    /// <summary>
    /// Writes the output file at <paramref name="outputPath"/> from the results in mini-batch order
    /// (every mini-batch must have a result). Returns the rows written.
    /// </summary>
    public async Task<long> JoinAsync(
        string outputPath, IReadOnlyList<MiniBatchResult> results, IReadOnlyList<JobInputFile> files, bool overwrite, CancellationToken cancellationToken)
    {
        await StagePartsAsync(outputPath, results, files, new long[files.Count], cancellationToken).ConfigureAwait(false);
        return await CommitAsync(outputPath, results, overwrite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stages the blocks of <paramref name="parts"/>: consecutive mini-batch results in order, starting where
    /// <paramref name="rowBase"/> (per file index) stands; advances it past them. A part's block id is fixed by its
    /// mini-batch index, so staging again (a resumed owner) simply replaces the block. Nothing is visible until
    /// <see cref="CommitAsync"/>.
    /// </summary>
    public async Task StagePartsAsync(
        string outputPath, IReadOnlyList<MiniBatchResult> parts, IReadOnlyList<JobInputFile> files, long[] rowBase, CancellationToken cancellationToken)
    {
        // Each part's row bases are known from the manifests alone (rows per segment), so parts are read, rewritten
        // and staged in parallel (blob round trips dominate); the commit fixes their order.
        var work = new List<(MiniBatchResult Result, KeyValuePair<int, long>[] Bases)>(parts.Count);
        foreach (var result in parts)
        {
            if (HasBlock(result))
                work.Add((result, result.Segments.Select(s => s.FileIndex).Distinct().Select(f => KeyValuePair.Create(f, rowBase[f])).ToArray()));
            // A failed slice has no lines, but its rows still count towards the file's row numbers.
            foreach (var segment in result.Segments)
                rowBase[segment.FileIndex] += segment.Rows;
        }
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = MaxParallelParts, CancellationToken = cancellationToken }, async (i, token) =>
        {
            // The part's own view: only its files, numbered 0..k-1, with their row bases (small, whatever the job's file count).
            var (result, bases) = work[i];
            var index = new Dictionary<int, int>(bases.Length);
            foreach (var (file, _) in bases)
                index[file] = index.Count;
            var partFiles = bases.Select(b => files[b.Key]).ToList();
            var partBase = bases.Select(b => b.Value).ToArray();
            result = result with { Segments = result.Segments.Select(s => s with { FileIndex = index[s.FileIndex] }).ToList() };
            // The rewritten part streams into the store as it is read: no copy of it is built here.
            await using var part = await OpenPartAsync(result, token).ConfigureAwait(false);
            await using var block = new PartRewriteStream(part, result, partFiles, partBase);
            await _output.StageBlockAsync(outputPath, BlockId(result.Index), block, token).ConfigureAwait(false);
            var lines = result.Segments.Sum(s => s.Lines);
            if (block.LinesWritten != lines)
                throw new InvalidOperationException($"The output store staged {block.LinesWritten} of {lines} lines of mini-batch {result.Index}: it stopped reading the part early.");
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Stages the header (columns of the first succeeded result) and commits the header and every part's block in
    /// mini-batch order; every part of <paramref name="results"/> (all of them, in order) must be staged. Returns the
    /// rows written. Fails if the output exists and <paramref name="overwrite"/> is false.
    /// </summary>
    public async Task<long> CommitAsync(string outputPath, IReadOnlyList<MiniBatchResult> results, bool overwrite, CancellationToken cancellationToken)
    {
        var columns = results.FirstOrDefault(r => r.Succeeded && r.Columns.Count > 0)?.Columns ?? [];
        using (var header = new MemoryStream(Encoding.UTF8.GetBytes(Header(columns) + "\n")))
            await _output.StageBlockAsync(outputPath, HeaderBlock, header, cancellationToken).ConfigureAwait(false);
        var withBlocks = results.Where(HasBlock).ToList();
        var blocks = new List<string>(withBlocks.Count + 1) { HeaderBlock };
        blocks.AddRange(withBlocks.Select(r => BlockId(r.Index)));
        await _output.CommitBlocksAsync(outputPath, blocks, overwrite, cancellationToken).ConfigureAwait(false);
        // A staged part holds exactly the manifest's lines (or fails), so the manifests count the rows.
        return withBlocks.Sum(r => r.Segments.Sum(s => s.Lines));
    }

    /// <summary>A part gets a block only if it has lines (an empty block is not staged).</summary>
    private static bool HasBlock(MiniBatchResult result) => result.HasOutput;

    /// <summary>The part's bytes: from the result record when it travelled inline, else from its artifact.</summary>
    private async Task<Stream> OpenPartAsync(MiniBatchResult result, CancellationToken cancellationToken) =>
        result.InlinePart is { } inline
            ? new MemoryStream(Encoding.UTF8.GetBytes(inline), writable: false)
            : await artifacts.OpenReadAsync(result.PartPath!, cancellationToken).ConfigureAwait(false);

    private static string BlockId(int index) => (index + 1L).ToString("D10", CultureInfo.InvariantCulture);
}
