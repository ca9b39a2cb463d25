namespace OrleansBatch.Scoring.Files;

/// <summary>
/// An input file's content cannot be read: it is damaged, truncated or in a form we do not support.
/// Carries a stable <see cref="Code"/> and a message that says what is wrong, so a scorer can turn it into
/// an item error for that file and go on with the next one.
/// </summary>
public abstract class InvalidFileException(string code, string message) : Exception(message)
{
    /// <summary>Stable error code, e.g. <c>ImageTruncated</c>.</summary>
    public string Code { get; } = code;
}
