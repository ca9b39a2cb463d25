namespace OrleansBatch.Abstractions.Deployments;

/// <summary>What a mini-batch size counts.</summary>
[GenerateSerializer, Alias("obatch.MiniBatchUnit")]
public enum MiniBatchUnit
{
    /// <summary>Input files per mini-batch (Azure ML's integer form).</summary>
    Files,

    /// <summary>Bytes of a tabular file per mini-batch, cut at line boundaries (<c>"10MB"</c>).</summary>
    Bytes,

    /// <summary>Rows of a tabular file per mini-batch (<c>"1000 rows"</c>).</summary>
    Rows,
}
