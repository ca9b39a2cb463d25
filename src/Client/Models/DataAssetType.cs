using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>What a data asset points at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataAssetType>))]
public enum DataAssetType
{
    /// <summary>One file (<c>uri_file</c>).</summary>
    [JsonStringEnumMemberName("uri_file")]
    UriFile,

    /// <summary>A folder of files (<c>uri_folder</c>).</summary>
    [JsonStringEnumMemberName("uri_folder")]
    UriFolder,
}
