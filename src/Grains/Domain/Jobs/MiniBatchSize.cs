using System.Globalization;
using System.Text.RegularExpressions;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// A deployment's <c>mini_batch_size</c>: a number of files (<c>10</c>), a number of rows of a tabular
/// file (<c>"5000 rows"</c>) or a byte size (<c>"10MB"</c>, <c>"512KB"</c>, <c>"1GB"</c>, <c>"4096B"</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.MiniBatchSize")]
public sealed partial record MiniBatchSize(MiniBatchSizeKind Kind, long Value)
{
    public static readonly MiniBatchSize Default = new(MiniBatchSizeKind.Files, 10);

    /// <summary>Parses the setting; throws 400 ValidationFailed with what to write instead.</summary>
    public static MiniBatchSize Parse(string text, string field = "settings.mini_batch_size")
    {
        var s = text.Trim();
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var files) && files > 0)
            return new MiniBatchSize(MiniBatchSizeKind.Files, files);
        var match = SizePattern().Match(s);
        if (match.Success && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            var unit = match.Groups["unit"].Value.ToUpperInvariant();
            if (unit is "ROW" or "ROWS")
                return new MiniBatchSize(MiniBatchSizeKind.Rows, n);
            long scale = unit switch { "B" => 1, "KB" => 1L << 10, "MB" => 1L << 20, "GB" => 1L << 30, _ => 0 };
            if (scale > 0 && n <= long.MaxValue / scale)
                return new MiniBatchSize(MiniBatchSizeKind.Bytes, n * scale);
        }
        throw DomainException.Validation(field,
            $"'{text}' is not a mini-batch size: write a positive number of files (10), a number of rows (\"5000 rows\") or a size (\"10MB\", \"512KB\").");
    }

    public override string ToString() => Kind switch
    {
        MiniBatchSizeKind.Files => Value.ToString(CultureInfo.InvariantCulture),
        MiniBatchSizeKind.Rows => $"{Value} rows",
        _ => Value % (1L << 20) == 0 ? $"{Value >> 20}MB" : Value % 1024 == 0 ? $"{Value >> 10}KB" : $"{Value}B",
    };

    [GeneratedRegex(@"^(?<n>\d+)\s*(?<unit>[A-Za-z]+)$")]
    private static partial Regex SizePattern();
}
