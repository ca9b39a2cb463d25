namespace OrleansBatch.Grains;

/// <summary>
/// A rule of the domain was broken by the caller's request. Carries a stable error code
/// (e.g. <c>EndpointNotFound</c>), the HTTP status the gateway answers with, a message that says
/// what to fix, and optional per-field errors. The gateway turns it into problem+json.
/// </summary>
public class DomainException(int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainException NotFound(string code, string message) => new(404, code, message);
    public static DomainException Conflict(string code, string message) => new(409, code, message);
    public static DomainException Invalid(string code, string message) => new(400, code, message);

    /// <summary>400 ValidationFailed with field errors.</summary>
    public static DomainException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "ValidationFailed", "One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), errors);

    public static DomainException Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>412: the caller's If-Match does not name the current version.</summary>
    public static DomainException PreconditionFailed(long? current, long expected) =>
        new(412, "PreconditionFailed", current is null
            ? $"If-Match names version {expected}, but the resource does not exist."
            : $"If-Match names version {expected}, but the resource is at version {current}. Read it again and retry.");
}
