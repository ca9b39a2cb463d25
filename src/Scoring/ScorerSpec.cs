namespace OrleansBatch.Scoring;

/// <summary>What to score with.</summary>
/// <param name="CacheKey">Identity of the model version (e.g. <c>tenant/endpoint/deployment@version</c>): one scorer, and one set of ONNX Runtime sessions, per key (and column settings) per silo.</param>
/// <param name="ModelPaths">Local paths of the ONNX graphs in pipeline order (one for a plain model).</param>
/// <param name="Columns">Optional <c>input_columns</c> and <c>passthrough_columns</c> for tabular inputs.</param>
/// <param name="InputMode">Tabular or file inputs; <see cref="ScorerInputMode.Auto"/> decides by file extension.</param>
/// <param name="Image">How image files become the model's input (<c>settings.image</c>); null for raw pixels, no resizing.</param>
public sealed record ScorerSpec(
    string CacheKey,
    IReadOnlyList<string> ModelPaths,
    TabularColumns? Columns = null,
    ScorerInputMode InputMode = ScorerInputMode.Auto,
    ImageSettings? Image = null)
{
    /// <summary>The key the factory caches under: <see cref="CacheKey"/>, plus the column settings when there are any.</summary>
    internal string ScorerKey => Columns?.Fingerprint is { Length: > 0 } f ? $"{CacheKey}|{f}" : CacheKey;
}
