namespace OrleansBatch.Scoring;

/// <summary>The stable <see cref="ItemError.Code"/> values scorers report.</summary>
public static class ItemErrorCodes
{
    /// <summary>A field's value cannot be converted to the model input's type (not a number, fraction for an integer, ...).</summary>
    public const string InvalidValue = "InvalidValue";

    /// <summary>A row has the wrong number of fields, or a broken quote.</summary>
    public const string MalformedRow = "MalformedRow";

    /// <summary>A JSON line is not a JSON object, or a column the model needs is absent from it.</summary>
    public const string InvalidJson = "InvalidJson";

    /// <summary>A line is longer than the configured maximum.</summary>
    public const string LineTooLong = "LineTooLong";

    /// <summary>The input's columns do not provide the model's inputs (every row of the slice fails with this).</summary>
    public const string ColumnMismatch = "ColumnMismatch";

    /// <summary>The file is empty (no header row).</summary>
    public const string EmptyInput = "EmptyInput";

    /// <summary>A file's values do not fit the model input's shape.</summary>
    public const string ShapeMismatch = "ShapeMismatch";

    /// <summary>A file cannot be read or decoded (unknown extension, corrupt PNG/NPY, unsupported dtype).</summary>
    public const string UnreadableFile = "UnreadableFile";

    /// <summary>Summary entry: more items failed than are listed.</summary>
    public const string MoreErrors = "MoreErrors";
}
