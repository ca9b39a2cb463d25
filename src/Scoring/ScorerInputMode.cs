namespace OrleansBatch.Scoring;

/// <summary>How a scorer reads its inputs.</summary>
public enum ScorerInputMode
{
    /// <summary>By file extension: <c>.csv</c>, <c>.jsonl</c>, <c>.json</c>, <c>.ndjson</c> are tabular (one output row per row); anything else is a file input (one output row per file).</summary>
    Auto,

    /// <summary>Every input is tabular (CSV, or JSON lines for <c>.jsonl</c>/<c>.json</c>/<c>.ndjson</c>).</summary>
    Tabular,

    /// <summary>Every input is one item: an image (<c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.bmp</c>, <c>.gif</c>, <c>.webp</c>), <c>.npy</c>, or <c>.csv</c> as a flat list of numbers.</summary>
    Files,
}
