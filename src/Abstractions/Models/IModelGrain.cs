namespace OrleansBatch.Abstractions.Models;

/// <summary>A registered model: numbered, immutable versions and the label <c>latest</c>. Keyed <c>tenant/model</c>.</summary>
[Alias("obatch.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Reserves the next version number; files are stored under it, then <see cref="CommitVersionAsync"/> makes it visible.</summary>
    [Alias("Reserve")] Task<int> ReserveVersionAsync();

    /// <summary>Makes a reserved version visible (idempotent).</summary>
    [Alias("Commit")] Task<ModelVersion> CommitVersionAsync(ModelVersion version);

    /// <summary>One version; null means the latest. 404 <c>ModelNotFound</c>.</summary>
    [Alias("GetVersion"), ReadOnly] Task<ModelVersion> GetVersionAsync(int? version);

    [Alias("ListVersions"), ReadOnly] Task<Page<ModelVersion>> ListVersionsAsync(int top, string? continuation);

    /// <summary>
    /// Removes a version (its number is never given again) and returns it, so the caller can delete its files; 404
    /// <c>ModelNotFound</c>. Whether a deployment pins it is the caller's check (it spans grains).
    /// </summary>
    [Alias("DeleteVersion")] Task<ModelVersion> DeleteVersionAsync(int version);
}
