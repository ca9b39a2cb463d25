namespace OrleansBatch.Scoring.Files;

/// <summary>A <c>.npy</c> file that <see cref="NpyReader"/> cannot read.</summary>
public sealed class InvalidArrayException(string code, string message) : InvalidFileException(code, message)
{
    /// <summary>The file ends before the header or the data does.</summary>
    public const string Truncated = "ArrayTruncated";

    /// <summary>The file is not a <c>.npy</c> array, or its header or data length is malformed.</summary>
    public const string Corrupt = "ArrayCorrupt";

    /// <summary>A valid <c>.npy</c> in a form we do not read (dtype, byte order, Fortran order, format version).</summary>
    public const string Unsupported = "ArrayUnsupported";

    /// <summary>The shape declares more elements than the reader's limit.</summary>
    public const string TooLarge = "ArrayTooLarge";
}
