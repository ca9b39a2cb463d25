using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// <c>mini_batch_size</c>: a number of files (<c>10</c>), a byte size (<c>"10MB"</c>, <c>"512KB"</c>,
/// <c>"1GB"</c>; binary units) or a number of rows (<c>"1000 rows"</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.MiniBatchSize")]
public sealed partial record MiniBatchSize(MiniBatchUnit Unit, long Value)
{
    public const long MaxFiles = 100_000;
    public const long MaxRows = 100_000_000;
    public const long MaxBytes = 16L << 30;

    public static readonly MiniBatchSize Default = new(MiniBatchUnit.Files, 10);

    [GeneratedRegex(@"^\s*(\d{1,12})\s*(?:(B|KB|MB|GB)|(rows?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The form Azure ML YAML uses: a number for files, else a string.</summary>
    public object ToYamlValue() => Unit switch
    {
        MiniBatchUnit.Files => Value,
        MiniBatchUnit.Rows => $"{Value} rows",
        _ => FormatBytes(Value),
    };

    public override string ToString() => ToYamlValue().ToString()!;

    /// <summary>Parses the string form; adds an error for <paramref name="field"/> and returns null when invalid.</summary>
    public static MiniBatchSize? Parse(string text, string field, ValidationErrors errors)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            errors.Add(field, $"'{text}' is not a mini-batch size; use a number of files (10), a size ('10MB', '512KB', '1GB') or rows ('1000 rows').");
            return null;
        }
        var number = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (match.Groups[3].Success)
            return Checked(new(MiniBatchUnit.Rows, number), field, errors);
        if (!match.Groups[2].Success)
            return Checked(new(MiniBatchUnit.Files, number), field, errors);
        var shift = match.Groups[2].Value.ToUpperInvariant() switch { "KB" => 10, "MB" => 20, "GB" => 30, _ => 0 };
        return number > MaxBytes >> shift
            ? Checked(new(MiniBatchUnit.Bytes, MaxBytes + 1), field, errors)
            : Checked(new(MiniBatchUnit.Bytes, number << shift), field, errors);
    }

    /// <summary>The number form: a count of files.</summary>
    public static MiniBatchSize? OfFiles(long files, string field, ValidationErrors errors) => Checked(new(MiniBatchUnit.Files, files), field, errors);

    private static MiniBatchSize? Checked(MiniBatchSize size, string field, ValidationErrors errors)
    {
        var (min, max, what) = size.Unit switch
        {
            MiniBatchUnit.Files => (1L, MaxFiles, "files"),
            MiniBatchUnit.Rows => (1L, MaxRows, "rows"),
            _ => (1024L, MaxBytes, "bytes"),
        };
        if (size.Value >= min && size.Value <= max)
            return size;
        errors.Add(field, size.Unit == MiniBatchUnit.Bytes
            ? "a size must be between 1KB and 16GB."
            : $"{size.Value} is out of range; use {min}-{max} {what}.");
        return null;
    }

    private static string FormatBytes(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30}GB"
        : bytes % (1L << 20) == 0 ? $"{bytes >> 20}MB"
        : bytes % (1L << 10) == 0 ? $"{bytes >> 10}KB"
        : $"{bytes}B";
}
