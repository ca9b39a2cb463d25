namespace OrleansBatch.Abstractions;

/// <summary>
/// A rule of the domain was broken by the caller's request. Carries a stable error code
/// (e.g. <c>EndpointNotFound</c>), the HTTP status the gateway answers with, a message that says
/// what to fix, and optional per-field errors. The gateway turns it into problem+json.
/// It crosses grain calls (Orleans serializes it with its fields), so a gateway that is an Orleans client
/// answers exactly as one that co-hosts the silo.
/// </summary>
[GenerateSerializer, Alias("obatch.DomainException")]
public class DomainException(int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    [Id(0)] public int Status { get; private set; } = status;
    [Id(1)] public string Code { get; private set; } = code;
    [Id(2)] public Dictionary<string, string[]>? Errors { get; private set; } = errors?.ToDictionary(e => e.Key, e => e.Value);

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
