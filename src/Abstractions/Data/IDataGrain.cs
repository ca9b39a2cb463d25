namespace OrleansBatch.Abstractions.Data;

/// <summary>A data asset: numbered, immutable versions, each a URI. Keyed <c>tenant/data</c>.</summary>
[Alias("obatch.IDataGrain")]
public interface IDataGrain : IGrainWithStringKey
{
    [Alias("AddVersion")] Task<DataVersion> AddVersionAsync(DataDraft draft);

    /// <summary>One version; null means the latest. 404 <c>DataNotFound</c>.</summary>
    [Alias("GetVersion"), ReadOnly] Task<DataVersion> GetVersionAsync(int? version);

    [Alias("ListVersions"), ReadOnly] Task<Page<DataVersion>> ListVersionsAsync(int top, string? continuation);
}
