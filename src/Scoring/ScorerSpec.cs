namespace OrleansBatch.Scoring;

/// <summary>What to score with.</summary>
/// <param name="CacheKey">Identity of the model version (e.g. <c>tenant/endpoint/deployment@version</c>): one scorer, and one set of ONNX Runtime sessions, per key per silo.</param>
/// <param name="ModelPaths">Local paths of the ONNX graphs in pipeline order (one for a plain model).</param>
/// <param name="InputColumns">Optional <c>input_columns</c>: the columns, in order, that feed a model's single [N,F] input.</param>
/// <param name="InputMode">Tabular or file inputs; <see cref="ScorerInputMode.Auto"/> decides by file extension.</param>
/// <param name="Image">How image files become the model's input (<c>settings.image</c>); null for raw pixels, no resizing.</param>
public sealed record ScorerSpec(
    string CacheKey,
    IReadOnlyList<string> ModelPaths,
    IReadOnlyList<string>? InputColumns = null,
    ScorerInputMode InputMode = ScorerInputMode.Auto,
    ImageSettings? Image = null);
