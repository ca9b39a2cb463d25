using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>What a deployment runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentType>))]
public enum DeploymentType
{
    /// <summary>One model (<c>model</c>).</summary>
    [JsonStringEnumMemberName("model")]
    Model,

    /// <summary>An ordered chain of models whose outputs feed the next step's inputs by name (<c>pipeline</c>).</summary>
    [JsonStringEnumMemberName("pipeline")]
    Pipeline,
}
