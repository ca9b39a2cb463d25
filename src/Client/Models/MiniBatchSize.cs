using System.Globalization;
using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>
/// How much input goes into one mini-batch: a number of files (<c>10</c>), a size (<c>"10MB"</c>) or a number of
/// rows (<c>"1000 rows"</c>); with a size or rows, large tabular files are split at line boundaries.
/// </summary>
[JsonConverter(typeof(MiniBatchSizeJsonConverter))]
public readonly record struct MiniBatchSize
{
    private MiniBatchSize(int? files, string? text)
    {
        Files = files;
        Text = text;
    }

    /// <summary>The number of files per mini-batch, or null when the size is given as text.</summary>
    public int? Files { get; }

    /// <summary>The size as text (<c>10MB</c>, <c>1000 rows</c>), or null when it is a number of files.</summary>
    public string? Text { get; }

    /// <summary>A mini-batch of <paramref name="files"/> files.</summary>
    /// <param name="files">A positive number of files.</param>
    public static MiniBatchSize FromFiles(int files)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(files);
        return new MiniBatchSize(files, null);
    }

    /// <summary>A mini-batch of <paramref name="rows"/> rows (<c>"&lt;n&gt; rows"</c>).</summary>
    /// <param name="rows">A positive number of rows.</param>
    public static MiniBatchSize FromRows(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return new MiniBatchSize(null, $"{rows.ToString(CultureInfo.InvariantCulture)} rows");
    }

    /// <summary>A size given as text, e.g. <c>10MB</c> or <c>1000 rows</c>; a bare number means files. The gateway checks it.</summary>
    /// <param name="text">The size.</param>
    public static MiniBatchSize Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var files) ? FromFiles(files) : new MiniBatchSize(null, text.Trim());
    }

    /// <summary>A mini-batch of <paramref name="files"/> files.</summary>
    /// <param name="files">A positive number of files.</param>
    public static implicit operator MiniBatchSize(int files) => FromFiles(files);

    /// <summary>A size given as text (<see cref="Parse"/>), e.g. <c>"10MB"</c>, <c>"1000 rows"</c> or <c>"10"</c> files.</summary>
    /// <param name="text">The size.</param>
    public static implicit operator MiniBatchSize(string text) => Parse(text);

    /// <summary>The size as written in <c>deployment.yml</c>.</summary>
    public override string ToString() => Files?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}
