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

        var rowBase = new long[files.Count];
        long rows = 0;
        foreach (var result in results)
        {
            if (!result.Succeeded || result.PartPath is null)
            {
                // A failed slice has no lines, but its rows still count towards the file's row numbers.
                foreach (var segment in result.Segments)
                    rowBase[segment.FileIndex] += segment.Rows;
                continue;
            }
            using var block = new MemoryStream();
            await using (var writer = new StreamWriter(block, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                await using var part = await artifacts.OpenReadAsync(result.PartPath, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(part, Encoding.UTF8);
                rows += AppendPart(reader, result, files, rowBase, writer);
            }
            if (block.Length == 0)
                continue;
            block.Position = 0;
            var id = (result.Index + 1L).ToString("D10", CultureInfo.InvariantCulture);
            await _output.StageBlockAsync(outputPath, id, block, cancellationToken).ConfigureAwait(false);
            blocks.Add(id);
        }
        await _output.CommitBlocksAsync(outputPath, blocks, overwrite, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
