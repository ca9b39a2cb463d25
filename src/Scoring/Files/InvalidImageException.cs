namespace OrleansBatch.Scoring.Files;

/// <summary>An image file that <see cref="PngDecoder"/> cannot decode.</summary>
public sealed class InvalidImageException(string code, string message) : InvalidFileException(code, message)
{
    /// <summary>The file ends before the image does.</summary>
    public const string Truncated = "ImageTruncated";

    /// <summary>The file is not a PNG, or its bytes are damaged (bad signature, CRC mismatch, bad zlib data, wrong data size).</summary>
    public const string Corrupt = "ImageCorrupt";

    /// <summary>A valid PNG in a form the decoder does not handle (bit depth, color type, interlacing).</summary>
    public const string Unsupported = "ImageUnsupported";

    /// <summary>The header declares more pixels than the decoder's limit.</summary>
    public const string TooLarge = "ImageTooLarge";
}
