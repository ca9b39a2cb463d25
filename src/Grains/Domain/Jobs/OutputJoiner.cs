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

    /// <summary>Parts read and staged at once while joining (each held in memory while it is rewritten).</summary>
    private const int MaxParallelParts = 8;

    /// <summary>The header row: identity columns, then the model's output columns.</summary>
    public static string Header(IReadOnlyList<string> columns) =>
        string.Join(',', new[] { "file_name", "row" }.Concat(columns.Select(CsvField.Quote)));

    /// <summary>
    /// Rewrites one part into output lines, advancing <paramref name="rowBase"/> (per file index) by each
    /// slice's rows. Returns the number of lines written.
    /// </summary>
    public static long AppendPart(TextReader part, MiniBatchResult result, IReadOnlyList<JobInputFile> files, long[] rowBase, TextWriter output)
    {
        long written = 0;
        foreach (var segment in result.Segments)
        {
            var fileName = CsvField.Quote(files[segment.FileIndex].FileName);
            var @base = rowBase[segment.FileIndex];
            for (long i = 0; i < segment.Lines; i++)
            {
                var line = part.ReadLine() ?? throw new InvalidDataException(
                    $"Output part of mini-batch {result.Index} ends after {i} of {segment.Lines} lines for {fileName}.");
                var comma = line.IndexOf(',');
                var rowText = comma < 0 ? line : line[..comma];
                if (!long.TryParse(rowText, NumberStyles.None, CultureInfo.InvariantCulture, out var row))
                    throw new InvalidDataException($"Output part of mini-batch {result.Index} has a line without a row number: '{Truncate(line)}'.");
                output.Write(fileName);
                output.Write(',');
                output.Write((@base + row).ToString(CultureInfo.InvariantCulture));
                if (comma >= 0)
                    output.Write(line.AsSpan(comma));
                output.Write('\n');
                written++;
            }
            rowBase[segment.FileIndex] = @base + segment.Rows;
        }
        return written;
    }

    /// <summary>
    /// Writes the output file at <paramref name="outputPath"/> from the results in mini-batch order
    /// (every mini-batch must have a result). Returns the rows written.
    /// </summary>
    public async Task<long> JoinAsync(
        string outputPath, IReadOnlyList<MiniBatchResult> results, IReadOnlyList<JobInputFile> files, bool overwrite, CancellationToken cancellationToken)
    {
        var columns = results.FirstOrDefault(r => r.Succeeded && r.Columns.Count > 0)?.Columns ?? [];
        var blocks = new List<string>(results.Count + 1) { HeaderBlock };
        using (var header = new MemoryStream(Encoding.UTF8.GetBytes(Header(columns) + "\n")))
            await _output.StageBlockAsync(outputPath, HeaderBlock, header, cancellationToken).ConfigureAwait(false);

        // Each part's row bases are known from the manifests alone (rows per segment), so parts are read, rewritten
        // and staged in parallel (blob round trips dominate); the commit below fixes their order.
        var rowBase = new long[files.Count];
        var work = new List<(MiniBatchResult Result, KeyValuePair<int, long>[] Bases)>(results.Count);
        foreach (var result in results)
        {
            if (result.Succeeded && result.PartPath is not null)
                work.Add((result, result.Segments.Select(s => s.FileIndex).Distinct().Select(f => KeyValuePair.Create(f, rowBase[f])).ToArray()));
            // A failed slice has no lines, but its rows still count towards the file's row numbers.
            foreach (var segment in result.Segments)
                rowBase[segment.FileIndex] += segment.Rows;
        }
        var staged = new string?[work.Count];
        long rows = 0;
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
            using var block = new MemoryStream();
            await using (var writer = new StreamWriter(block, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                await using var part = await artifacts.OpenReadAsync(result.PartPath!, token).ConfigureAwait(false);
                using var reader = new StreamReader(part, Encoding.UTF8);
                Interlocked.Add(ref rows, AppendPart(reader, result, partFiles, partBase, writer));
            }
            if (block.Length == 0)
                return;
            block.Position = 0;
            var id = (result.Index + 1L).ToString("D10", CultureInfo.InvariantCulture);
            await _output.StageBlockAsync(outputPath, id, block, token).ConfigureAwait(false);
            staged[i] = id;
        }).ConfigureAwait(false);
        blocks.AddRange(staged.OfType<string>());
        await _output.CommitBlocksAsync(outputPath, blocks, overwrite, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
