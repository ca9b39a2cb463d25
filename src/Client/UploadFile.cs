namespace OrleansBatch.Client;

/// <summary>
/// One file to send to the gateway (a model artifact or an input file): either a path on this machine, opened
/// only while it is sent, or a stream the caller owns and that the client reads from its current position but
/// never closes.
/// </summary>
public sealed class UploadFile
{
    /// <summary>Creates a file to upload from a stream. The stream is read from its current position and is not closed.</summary>
    /// <param name="fileName">The file name the gateway stores it under, e.g. <c>model.onnx</c> or <c>part-0001.csv</c>.</param>
    /// <param name="content">The file's bytes.</param>
    public UploadFile(string fileName, Stream content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
            throw new ArgumentException("The stream must be readable.", nameof(content));
        FileName = fileName;
        Content = content;
    }

    private UploadFile(string fileName, string path)
    {
        FileName = fileName;
        LocalPath = path;
    }

    /// <summary>The file name the gateway stores the file under.</summary>
    public string FileName { get; }

    /// <summary>The caller's stream, or null when the file is read from <see cref="LocalPath"/>.</summary>
    public Stream? Content { get; }

    /// <summary>The full path of the local file, or null when the file comes from a stream.</summary>
    public string? LocalPath { get; }

    /// <summary>Creates a file to upload from a local file; its name is the file's name.</summary>
    /// <param name="path">The path of an existing file (not a folder).</param>
    /// <exception cref="FileNotFoundException">No file exists at <paramref name="path"/>.</exception>
    public static UploadFile FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new ArgumentException($"'{path}' is a folder; pass the files in it one by one.", nameof(path));
        if (!File.Exists(full))
            throw new FileNotFoundException($"There is no file at '{path}' to upload.", full);
        return new UploadFile(Path.GetFileName(full), full);
    }
}
