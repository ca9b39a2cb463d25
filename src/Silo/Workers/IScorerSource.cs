using OrleansBatch.Scoring;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// Gives the scorer of a pinned deployment version (one ONNX graph, or a pipeline of graphs in order),
/// cached per silo per deployment version so concurrent workers share its sessions.
/// </summary>
public interface IScorerSource
{
    /// <summary>The scorer for <paramref name="key"/> (e.g. <c>tenant/endpoint/deployment@3</c>) over the model files in order.</summary>
    IScorer Get(string key, string deploymentType, IReadOnlyList<string> modelPaths);
}
