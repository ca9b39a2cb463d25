using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Artifacts as files under <c>&lt;data dir&gt;/files/</c>. Every write goes to a temporary file in
/// <c>&lt;data dir&gt;/tmp/</c> (same volume) and is then renamed into place, so a reader never sees half
/// a file. Blocks are staged under <c>&lt;data dir&gt;/staging/&lt;hash of path&gt;/</c> until committed.
/// <see cref="InFolder"/> gives the same store over a folder of the tenant's (a local job output), its temp files and
/// blocks in a work folder beside the files (same volume, so the rename stays atomic).
/// </summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private const int CopyBufferSize = 1 << 16;

    private readonly string _root;
    private readonly string _temp;
    private readonly string _staging;

    /// <summary>The work folder removed once it is empty (a store from <see cref="InFolder"/>), else null.</summary>
    private readonly string? _transientWork;

    /// <summary>Mode of new files: private in the data directory; the process's umask in a tenant's folder.</summary>
    private readonly UnixFileMode? _fileMode;

    public FileArtifactStore(LocalDatabase database)
        : this((database ?? throw new ArgumentNullException(nameof(database))).FilesDirectory, database.DataDirectory, transientWork: false)
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_temp);
        Directory.CreateDirectory(_staging);
        RemoveAbandonedTempFiles(database.Time.GetUtcNow());
    }

    private FileArtifactStore(string root, string workFolder, bool transientWork)
    {
        _root = root;
        _temp = Path.Combine(workFolder, "tmp");
        _staging = Path.Combine(workFolder, "staging");
        _transientWork = transientWork ? workFolder : null;
        _fileMode = transientWork ? null : PrivateFiles.FileMode;
    }

    /// <summary>
    /// Files under <paramref name="folder"/> (a full path, e.g. a local job output folder), with temp files and staged blocks
    /// in the hidden <paramref name="workFolder"/> (on the same volume), which is removed as soon as nothing is left in it.
    /// </summary>
    public static FileArtifactStore InFolder(string folder, string workFolder) => new(folder, workFolder, transientWork: true);

    /// <summary>Temporary files this old were left by a writer that died; younger ones may belong to a live process.</summary>
    public static readonly TimeSpan AbandonedTempFileAge = TimeSpan.FromHours(24);

    public async Task WriteAsync(string path, Stream content, bool overwrite, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        ArgumentNullException.ThrowIfNull(content);
        if (!overwrite && File.Exists(target))
            throw AlreadyExists(path);

        var temp = await WriteTempAsync(async file => await content.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        try
        {
            MoveIntoPlace(temp, target, path, overwrite, _fileMode);
        }
        finally
        {
            RemoveIdleWorkFolder();
        }
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // FileShare.Delete: a writer may rename a new version over this one while it is being read.
            return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, useAsync: true));
        }
        catch (DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Artifact '{path}' does not exist.", path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"Artifact '{path}' does not exist.", path);
        }
    }

    public Task<ArtifactInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(FullPath(path));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(file.Exists ? new ArtifactInfo(path, file.Length, file.LastWriteTimeUtc) : null);
    }

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ArtifactPath.NormalizeFolder(prefix, nameof(prefix));
        var directory = folder.Length == 0 ? _root : Path.Combine(_root, folder.Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(directory))
            yield break;

        var files = new DirectoryInfo(directory)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Select(file => (Path: Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'), File: file))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal);
        foreach (var (relative, file) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ArtifactInfo(relative, file.Length, file.LastWriteTimeUtc);
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            File.Delete(full);
        }
        catch (DirectoryNotFoundException)
        {
            // Absent: nothing to do.
        }
        return Task.CompletedTask;
    }

    public async Task StageBlockAsync(string path, string blockId, Stream content, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(content);
        var block = BlockPath(path, blockId);
        var temp = await WriteTempAsync(async file => await content.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(block)!);
        File.Move(temp, block, overwrite: true);
    }

    public async Task CommitBlocksAsync(string path, IReadOnlyList<string> blockIds, bool overwrite, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        ArgumentNullException.ThrowIfNull(blockIds);
        if (!overwrite && File.Exists(target))
            throw AlreadyExists(path);
        var blocks = blockIds.Select(id => BlockPath(path, id)).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!File.Exists(blocks[i]))
                throw new ArgumentException($"Block '{blockIds[i]}' of artifact '{path}' was never staged (or was committed already). Stage every block before committing.", nameof(blockIds));
        }

        var temp = await WriteTempAsync(async file =>
        {
            foreach (var block in blocks)
            {
                var source = new FileStream(block, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
                await using (source.ConfigureAwait(false))
                    await source.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        MoveIntoPlace(temp, target, path, overwrite, _fileMode);

        // Like a committed block list: blocks left uncommitted are discarded with the staging folder.
        try
        {
            Directory.Delete(StagingFolder(path), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        RemoveIdleWorkFolder();
    }

    public string? TryGetLocalPath(string path) => FullPath(path);

    private string FullPath(string path)
    {
        ArtifactPath.Validate(path, nameof(path));
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        // Belt and braces: validation already refuses every way out of the root.
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Artifact path '{path}' is not allowed: it leads outside the store.", nameof(path));
        return full;
    }

    private string StagingFolder(string path) =>
        Path.Combine(_staging, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path))));

    private string BlockPath(string path, string blockId)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockId);
        if (blockId.Length > 64)
            throw new ArgumentException($"Block id '{blockId}' is too long: at most 64 characters.", nameof(blockId));
        // Hex of the id: any id becomes a safe file name, and distinct ids stay distinct.
        return Path.Combine(StagingFolder(path), Convert.ToHexStringLower(Encoding.UTF8.GetBytes(blockId)));
    }

    private async Task<string> WriteTempAsync(Func<FileStream, Task> fill, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_temp);
        var temp = Path.Combine(_temp, TempName(""));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = CopyBufferSize, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows() && _fileMode is { } mode)
                options.UnixCreateMode = mode;
            var file = new FileStream(temp, options);
            await using (file.ConfigureAwait(false))
            {
                await fill(file).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// A name in the temp folder that starts with this process's id, so that a later start can tell the leftovers of a
    /// process that died (killed mid-upload) from the files of a live one sharing the data directory.
    /// </summary>
    public static string TempName(string kind) => $"{Environment.ProcessId}-{kind}{Guid.NewGuid():N}";

    /// <summary>The temp folder (in the data directory, same volume as the store), for callers that stage files before storing them.</summary>
    public string TempFolder => _temp;

    /// <summary>Removes temp files and folders whose writing process has died, and any older than <see cref="AbandonedTempFileAge"/>.</summary>
    private void RemoveAbandonedTempFiles(DateTimeOffset now)
    {
        foreach (var entry in new DirectoryInfo(_temp).EnumerateFileSystemInfos())
        {
            if (!WriterIsGone(entry.Name) && now - entry.LastWriteTimeUtc <= AbandonedTempFileAge)
                continue;
            try
            {
                if (entry is DirectoryInfo folder)
                    folder.Delete(recursive: true);
                else
                    entry.Delete();
            }
            catch (IOException)
            {
                // Another process may be removing it at the same moment.
            }
        }
    }

    private static bool WriterIsGone(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
            return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    /// <summary>Removes the work folder of a store from <see cref="InFolder"/> once it holds nothing (another writer's files keep it).</summary>
    private void RemoveIdleWorkFolder()
    {
        if (_transientWork is null)
            return;
        foreach (var folder in new[] { _temp, _staging, _transientWork })
        {
            try
            {
                Directory.Delete(folder, recursive: false);
            }
            catch (IOException)
            {
                // Absent, or not empty: still in use.
            }
        }
    }

    private static void MoveIntoPlace(string temp, string target, string path, bool overwrite, UnixFileMode? mode)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!overwrite)
            {
                // Claim the name atomically first (CreateNew fails for everyone but one writer); File.Move without
                // overwrite is not atomic on Linux, and two racing writers could both think they had created the file.
                var claim = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows() && mode is { } fileMode)
                    claim.UnixCreateMode = fileMode;
                new FileStream(target, claim).Dispose();
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (IOException) when (!overwrite && File.Exists(target))
        {
            File.Delete(temp);
            throw AlreadyExists(path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static IOException AlreadyExists(string path) =>
        new($"Artifact '{path}' already exists. Choose another path, or write with overwrite: true to replace it.");
}
