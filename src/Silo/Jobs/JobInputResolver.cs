using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Turns an invoke's input (<c>uri_file</c> or <c>uri_folder</c> and a path) into the list of files the
/// job scores, in ordinal name order: local paths under the data roots, or folders of the artifact store
/// (uploads). Data-asset references are resolved to one of those by the caller.
/// </summary>
public sealed class JobInputResolver(DataRoots dataRoots, IArtifactStore artifacts, BlobInputs blobs)
{
    /// <summary>Resolves a local path (plain or <c>file://</c>) under the tenant's data roots; an empty <paramref name="type"/> takes whatever the path is.</summary>
    public JobInput ResolveLocal(string tenant, string name, string type, string uri, string field)
    {
        var roots = dataRoots.ForTenant(tenant);
        var real = roots.Resolve(uri, field);
        if (File.Exists(real))
        {
            if (type == "uri_folder")
                throw DomainException.Validation(field, $"'{uri}' is a file, but the input type is uri_folder; use type uri_file.");
            return new JobInput(name, "uri_file", uri, [new JobInputFile(Path.GetFileName(real), real, new FileInfo(real).Length)]);
        }
        if (type == "uri_file")
            throw DomainException.Validation(field, $"'{uri}' is a folder, but the input type is uri_file; use type uri_folder.");
        var files = new List<JobInputFile>();
        foreach (var file in Directory.EnumerateFiles(real, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden }))
        {
            var target = DataRoots.RealPath(file);
            if (!roots.IsUnderRoot(target))
                throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Path.GetRelativePath(real, file)}' in '{uri}' links outside the data roots.");
            files.Add(new JobInputFile(Path.GetRelativePath(real, file).Replace('\\', '/'), target, new FileInfo(target).Length));
        }
        return Finish(name, "uri_folder", uri, files, field);
    }

    /// <summary>
    /// Resolves a blob URL: on the platform's own account, the calling tenant's files in the artifact store (no other
    /// container or tenant); on another allowed account, a blob or a folder as a prefix, read with the URL's SAS.
    /// </summary>
    public Task<JobInput> ResolveBlobAsync(string tenant, string name, string type, string url, string field, CancellationToken cancellationToken) =>
        blobs.OwnArtifactPath(tenant, url, field, "InputNotAllowed") is { } own
            ? ResolveArtifactsAsync(name, type, BlobInputs.Redact(url), own, field, cancellationToken)
            : blobs.ResolveAsync(name, type, url, field, cancellationToken);

    /// <summary>Resolves a file or folder of the artifact store (an upload).</summary>
    public async Task<JobInput> ResolveArtifactsAsync(string name, string type, string uri, string artifactPath, string field, CancellationToken cancellationToken)
    {
        if (!artifactPath.EndsWith('/') && await artifacts.GetInfoAsync(artifactPath, cancellationToken).ConfigureAwait(false) is { } single)
            return new JobInput(name, "uri_file", uri, [new JobInputFile(Path.GetFileName(single.Path), single.Path, single.Length, InArtifactStore: true)]);
        var prefix = artifactPath.EndsWith('/') ? artifactPath : artifactPath + "/";
        var files = new List<JobInputFile>();
        await foreach (var info in artifacts.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            files.Add(new JobInputFile(info.Path[prefix.Length..], info.Path, info.Length, InArtifactStore: true));
        return Finish(name, "uri_folder", uri, files, field);
    }

    private static JobInput Finish(string name, string type, string uri, List<JobInputFile> files, string field)
    {
        if (files.Count == 0)
            throw DomainException.Invalid("InputNotFound", $"{field}: '{uri}' holds no files to score.");
        files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new JobInput(name, type, uri, files);
    }
}
