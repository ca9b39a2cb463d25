namespace OrleansBatch.Api.Http;

/// <summary>Stable error codes the gateway itself produces (domain codes come with <see cref="OrleansBatch.Abstractions.DomainException"/>).</summary>
internal static class ProblemCodes
{
    public const string InvalidJson = "InvalidJson";
    public const string InvalidYaml = "InvalidYaml";
    public const string BodyRequired = "BodyRequired";
    public const string RequestTooLarge = "RequestTooLarge";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string ValidationFailed = "ValidationFailed";
    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string InternalError = "InternalError";
    public const string DuplicateKey = "DuplicateKey";
    public const string InvalidContinuation = "InvalidContinuation";
    public const string ScoringScriptNotSupported = "ScoringScriptNotSupported";
}
