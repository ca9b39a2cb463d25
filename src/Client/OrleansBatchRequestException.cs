using System.Text;

namespace OrleansBatch.Client;

/// <summary>
/// The one exception the client throws when the gateway refuses or fails a request, or cannot be reached.
/// It carries the gateway's problem details: <see cref="Status"/>, the stable <see cref="ErrorCode"/>
/// (e.g. <c>EndpointNotFound</c>, <c>ValidationFailed</c>, <c>PreconditionFailed</c>), and for validation
/// failures the messages per field in <see cref="Errors"/>.
/// </summary>
public class OrleansBatchRequestException : Exception
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Creates an exception with a status and a message (for tests and mocks).</summary>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="message">What went wrong.</param>
    public OrleansBatchRequestException(int status, string message)
        : this(status, message, errorCode: null, innerException: null)
    {
    }

    /// <summary>Creates an exception with a status, a message, a stable error code and an inner exception.</summary>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="errorCode">The gateway's stable error code, if any.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public OrleansBatchRequestException(int status, string message, string? errorCode, Exception? innerException)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        Errors = NoErrors;
    }

    /// <summary>The HTTP status of the response; 0 when the gateway could not be reached or did not answer in time.</summary>
    public int Status { get; }

    /// <summary>The gateway's stable error code (<c>code</c> of the problem details), e.g. <c>EndpointNotFound</c>; null when the response had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The short summary of the problem (<c>title</c>), if the gateway sent one.</summary>
    public string? Title { get; init; }

    /// <summary>The explanation of this occurrence of the problem (<c>detail</c>), if the gateway sent one.</summary>
    public string? Detail { get; init; }

    /// <summary>Validation messages per request field (<c>errors</c>), e.g. <c>settings.mini_batch_size</c>; empty when there are none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; }

    /// <summary>The gateway's trace id for this request (<c>traceId</c>), to quote when asking an operator; null when not sent.</summary>
    public string? TraceId { get; init; }

    /// <summary>Builds the message from the problem details: title, detail, status, code and field errors.</summary>
    internal static string ComposeMessage(int status, string? reason, string? title, string? detail, string? code,
        IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        var text = new StringBuilder();
        text.Append(string.IsNullOrWhiteSpace(title) ? $"The gateway answered {status} {reason}".TrimEnd() : title);
        if (!string.IsNullOrWhiteSpace(detail))
            text.Append(": ").Append(detail);
        text.Append(" (Status: ").Append(status);
        if (code is not null)
            text.Append(", ErrorCode: ").Append(code);
        text.Append(')');
        foreach (var (field, messages) in errors)
            text.AppendLine().Append(field).Append(": ").AppendJoin(" ", messages);
        return text.ToString();
    }
}
