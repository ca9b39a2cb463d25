namespace OrleansBatch.Silo.Inputs;

/// <summary>Local paths of one attempt's slices; deletes the temporary copies (a folder of its own) when disposed.</summary>
public sealed class StagedSlices(IReadOnlyDictionary<int, string> paths, string? folder) : IDisposable
{
    /// <summary>The local path of the slice at position <paramref name="slice"/> of the mini-batch.</summary>
    public string this[int slice] => paths[slice];

    public void Dispose()
    {
        if (folder is null)
            return;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A scorer abandoned past its timeout may still hold a file; the temp folder is swept by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
