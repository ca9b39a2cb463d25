using System.Text.Json.Serialization;

namespace OrleansBatch.Abstractions.Models;

/// <summary>
/// State of a model grain. Version numbers are reserved before the files are stored (so two concurrent
/// registrations get distinct numbers) and a version becomes visible only once committed.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelState")]
public sealed record ModelState(string Name, int LastReserved, IReadOnlyList<ModelVersion> Versions, DateTimeOffset CreatedAt)
{
    [JsonIgnore]
    public ModelVersion? Latest => Versions.Count == 0 ? null : Versions[^1];
}
