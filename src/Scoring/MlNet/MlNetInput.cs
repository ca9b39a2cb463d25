using Microsoft.ML.Data;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// One input column of an ML.NET model (from the schema saved in its zip): its name, its loader kind, and how
/// many values it takes per row (1 for a scalar, K for a vector read from K columns).
/// </summary>
internal sealed record MlNetInput(string Name, DataKind Kind, int Width)
{
    /// <summary>ML.NET's default label column: at scoring time it may be absent from the data (it is fed as missing).</summary>
    public bool IsLabel => Name == ModelFormats.MlNetLabel;

    public string TypeName => Kind switch
    {
        DataKind.Single => "float",
        DataKind.Double => "double",
        DataKind.Boolean => "bool",
        DataKind.String => "string",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
