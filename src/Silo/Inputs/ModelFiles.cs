using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Local copies of model artifacts for ONNX Runtime, which loads from a file path. A store with local
/// files (Local provider) is used in place; from blobs the graph's folder (the graph and any external
/// data files next to it) is downloaded once per silo process: model versions are immutable.
/// </summary>
public sealed class ModelFiles(IArtifactStore artifacts) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "obatch-models", Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _downloads = new(StringComparer.Ordinal);

    /// <summary>The local path of the graph file at <paramref name="artifactPath"/>.</summary>
    public async Task<string> GetLocalPathAsync(string artifactPath, CancellationToken cancellationToken)
    {
        if (artifacts.TryGetLocalPath(artifactPath) is { } local)
            return local;
        var download = _downloads.GetOrAdd(artifactPath, p => new Lazy<Task<string>>(() => DownloadAsync(p, CancellationToken.None)));
        try
        {
            return await download.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (download.Value.IsFaulted)
        {
            // Let the next attempt try again.
            _downloads.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(artifactPath, download));
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
                Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> DownloadAsync(string artifactPath, CancellationToken cancellationToken)
    {
        var slash = artifactPath.LastIndexOf('/');
        var folder = slash < 0 ? "" : artifactPath[..(slash + 1)];
        var target = Path.Combine(_root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16]);
        var staging = target + "." + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        await foreach (var info in artifacts.ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            var local = Path.Combine(staging, info.Path[folder.Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await using var source = await artifacts.OpenReadAsync(info.Path, cancellationToken).ConfigureAwait(false);
            await using var file = File.Create(local);
            await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        if (!File.Exists(Path.Combine(staging, artifactPath[folder.Length..])))
            throw new FileNotFoundException($"Model artifact '{artifactPath}' does not exist.", artifactPath);
        Directory.Move(staging, target);
        return Path.Combine(target, artifactPath[folder.Length..]);
    }
}
