using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>What a deployment writes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutputAction>))]
public enum OutputAction
{
    /// <summary>Every prediction, as rows of one CSV in input order (<c>append_row</c>).</summary>
    [JsonStringEnumMemberName("append_row")]
    AppendRow,

    /// <summary>A summary of the run only (<c>summary_only</c>).</summary>
    [JsonStringEnumMemberName("summary_only")]
    SummaryOnly,
}
