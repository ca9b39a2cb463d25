namespace OrleansBatch.Api.Tests.Support;

/// <summary>A temporary folder removed when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("obatch-api-proc-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a process may still be releasing a file
        }
    }
}
