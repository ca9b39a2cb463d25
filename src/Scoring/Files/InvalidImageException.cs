namespace OrleansBatch.Scoring.Files;

/// <summary>An image file that <see cref="ImageDecoder"/> cannot decode.</summary>
public sealed class InvalidImageException(string code, string message) : InvalidFileException(code, message)
{
    /// <summary>The file is not an image of a supported format, or its bytes are damaged or cut short.</summary>
    public const string Corrupt = "ImageCorrupt";

    /// <summary>The image has more pixels than the decoder's limit.</summary>
    public const string TooLarge = "ImageTooLarge";

    /// <summary>The image does not fit the model input and the deployment does not resize (<c>settings.image.resize</c>).</summary>
    public const string SizeMismatch = "ImageSizeMismatch";
}
