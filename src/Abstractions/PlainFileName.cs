using System.Text;

namespace OrleansBatch.Abstractions;

/// <summary>
/// The one rule for file names a caller chooses (<c>output_file_name</c>, <c>output.file_name</c>): no folders, no
/// <c>..</c>, no control characters (a CR/LF would also reach logs raw), characters every file system and blob
/// store accepts, and at most 255 bytes in UTF-8 (a longer name fails at the file system, late).
/// </summary>
public static class PlainFileName
{
    public const int MaxBytes = 255;

    /// <summary>Whether <paramref name="name"/> can be used as is.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && Encoding.UTF8.GetByteCount(name) <= MaxBytes && name is not ("." or "..") && name.Trim() == name
        && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0 && !name.Any(char.IsControl);

    /// <summary>What to write instead, for error messages.</summary>
    public const string Rule = "must be a plain file name such as predictions.csv: no folders, no '..', no control characters, at most 255 bytes";
}
