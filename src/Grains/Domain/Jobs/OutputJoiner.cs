using System.Globalization;
using System.Text;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Joins mini-batch output parts into the <c>append_row</c> file in input order. A part holds lines
/// <c>rowInSlice,values</c>, one run of lines per slice as its manifest lists; a byte-range slice does not
/// know its first row number, so the joiner keeps each file's running row base and adds it. Each part is
/// staged as one block (small parts a few to a block) and the block list committed in order (no copy of the whole file). Parts are read
/// from <paramref name="artifacts"/>; the output is assembled in <paramref name="output"/> (the same store
/// unless the job writes to another container).
/// </summary>
public sealed class OutputJoiner(IArtifactStore artifacts, IArtifactStore? output = null)
{
    private readonly IArtifactStore _output = output ?? artifacts;

    private const string HeaderBlock = "0000000000";

    /// <summary>Blocks read, rewritten and staged at once while joining (each part streamed through a 64 KB buffer).</summary>
    private const int MaxParallelParts = 8;

    /// <summary>Small parts of this many consecutive mini-batches share one block.</summary>
    public const int SmallPartsPerBlock = 32;

    /// <summary>
    /// A part of at most this size is small: it shares a block with its neighbours. So a block holds at most
    /// <see cref="SmallPartsPerBlock"/> x 256 KB, and a job stays far below a blob's 50,000 blocks unless it has
    /// that many mini-batches with more than 256 KB of output each.
    /// </summary>
    public const long MaxSmallPartBytes = 256 * 1024;

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
    /// Stages the blocks of <paramref name="parts"/>: consecutive mini-batch results in order, from one block boundary
    /// to another (see <see cref="RoundEnd"/>), starting where <paramref name="rowBase"/> (per file index) stands;
    /// advances it past them. A block's id and content follow from the results alone, so staging again (a resumed
    /// owner) simply replaces a block with the same bytes. Nothing is visible until <see cref="CommitAsync"/>.
    /// </summary>
    public async Task StagePartsAsync(
        string outputPath, IReadOnlyList<MiniBatchResult> parts, IReadOnlyList<JobInputFile> files, long[] rowBase, CancellationToken cancellationToken)
    {
        // Each part's row bases are known from the manifests alone (rows per segment), so blocks are read, rewritten
        // and staged in parallel (blob round trips dominate); the commit fixes their order.
        var bases = new Dictionary<int, KeyValuePair<int, long>[]>();
        foreach (var result in parts)
        {
            if (result.HasOutput)
                bases[result.Index] = result.Segments.Select(s => s.FileIndex).Distinct().Select(f => KeyValuePair.Create(f, rowBase[f])).ToArray();
            // A failed slice has no lines, but its rows still count towards the file's row numbers.
            foreach (var segment in result.Segments)
                rowBase[segment.FileIndex] += segment.Rows;
        }
        var blocks = Blocks(parts);
        await Parallel.ForEachAsync(blocks, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelParts, CancellationToken = cancellationToken }, async (block, token) =>
        {
            if (block.Parts is [var single])
            {
                // The rewritten part streams into the store as it is read: no copy of it is built here.
                await using var rewritten = await RewriteAsync(single, bases[single.Index], files, token).ConfigureAwait(false);
                await _output.StageBlockAsync(outputPath, block.Id, rewritten, token).ConfigureAwait(false);
                CheckLines(single, rewritten);
                return;
            }
            // Small parts (at most 32 x 256 KB together) are gathered into one block: one file or request instead of dozens.
            using var gathered = new MemoryStream();
            foreach (var part in block.Parts)
            {
                await using var rewritten = await RewriteAsync(part, bases[part.Index], files, token).ConfigureAwait(false);
                await rewritten.CopyToAsync(gathered, token).ConfigureAwait(false);
                CheckLines(part, rewritten);
            }
            gathered.Position = 0;
            await _output.StageBlockAsync(outputPath, block.Id, gathered, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of the longest run of <c>[next, end)</c> that ends on a block boundary, so it can be staged now:
    /// <paramref name="end"/> itself unless the mini-batch before it has small output whose block may still grow
    /// (its window of <see cref="SmallPartsPerBlock"/> is not complete yet). <paramref name="result"/> gives the recorded
    /// result of any index in <c>[next, end)</c>; <paramref name="total"/> is the job's mini-batch count.
    /// </summary>
    public static int RoundEnd(int next, int end, int total, Func<int, MiniBatchResult> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (end >= total || end % SmallPartsPerBlock == 0)
            return end;
        var window = end - end % SmallPartsPerBlock;
        for (var i = Math.Max(next, window); i < end; i++)
        {
            if (IsSmall(result(i)))
                return Math.Max(next, window);
        }
        return end;
    }

    /// <summary>
    /// The blocks of consecutive results (from one block boundary to another): each large part is a block of its own;
    /// small parts (see <see cref="IsSmall"/>) of one aligned window of <see cref="SmallPartsPerBlock"/> mini-batches,
    /// not separated by a large part, share a block. A block's id is its first part's mini-batch index.
    /// </summary>
    private static List<(string Id, List<MiniBatchResult> Parts)> Blocks(IEnumerable<MiniBatchResult> results)
    {
        var blocks = new List<(string Id, List<MiniBatchResult> Parts)>();
        List<MiniBatchResult>? small = null;
        foreach (var result in results.Where(r => r.HasOutput))
        {
            if (IsSmall(result) && small is not null && small[0].Index / SmallPartsPerBlock == result.Index / SmallPartsPerBlock)
            {
                small.Add(result);
                continue;
            }
            var block = new List<MiniBatchResult> { result };
            blocks.Add((BlockId(result.Index), block));
            small = IsSmall(result) ? block : null;
        }
        return blocks;
    }

    /// <summary>A part that shares a block: one carried inline, or one in an artifact of at most <see cref="MaxSmallPartBytes"/>.</summary>
    private static bool IsSmall(MiniBatchResult result) =>
        result.HasOutput && (result.InlinePart is not null || result.PartBytes is > 0 and <= MaxSmallPartBytes);

    /// <summary>A part's rewritten lines, in the part's own view: only its files, numbered 0..k-1, with their row bases.</summary>
    private async Task<PartRewriteStream> RewriteAsync(MiniBatchResult result, KeyValuePair<int, long>[] bases, IReadOnlyList<JobInputFile> files, CancellationToken cancellationToken)
    {
        var index = new Dictionary<int, int>(bases.Length);
        foreach (var (file, _) in bases)
            index[file] = index.Count;
        var partFiles = bases.Select(b => files[b.Key]).ToList();
        var partBase = bases.Select(b => b.Value).ToArray();
        var local = result with { Segments = result.Segments.Select(s => s with { FileIndex = index[s.FileIndex] }).ToList() };
        return new PartRewriteStream(await OpenPartAsync(local, cancellationToken).ConfigureAwait(false), local, partFiles, partBase);
    }

    private static void CheckLines(MiniBatchResult result, PartRewriteStream rewritten)
    {
        var lines = result.Segments.Sum(s => s.Lines);
        if (rewritten.LinesWritten != lines)
            throw new InvalidOperationException($"The output store staged {rewritten.LinesWritten} of {lines} lines of mini-batch {result.Index}: it stopped reading the part early.");
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
        var blocks = new List<string> { HeaderBlock };
        blocks.AddRange(Blocks(results).Select(b => b.Id));
        await _output.CommitBlocksAsync(outputPath, blocks, overwrite, cancellationToken).ConfigureAwait(false);
        // A staged part holds exactly the manifest's lines (or fails), so the manifests count the rows.
        return results.Where(r => r.HasOutput).Sum(r => r.Segments.Sum(s => s.Lines));
    }

    /// <summary>The part's bytes: from the result record when it travelled inline, else from its artifact.</summary>
    private async Task<Stream> OpenPartAsync(MiniBatchResult result, CancellationToken cancellationToken) =>
        result.InlinePart is { } inline
            ? new MemoryStream(Encoding.UTF8.GetBytes(inline), writable: false)
            : await artifacts.OpenReadAsync(result.PartPath!, cancellationToken).ConfigureAwait(false);

    private static string BlockId(int index) => (index + 1L).ToString("D10", CultureInfo.InvariantCulture);
}
