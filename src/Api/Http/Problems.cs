using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace OrleansBatch.Api.Http;

/// <summary>RFC 9457 problem details with the gateway's stable <c>code</c> and, for validation, <c>errors: {field: [messages]}</c>.</summary>
internal static class Problems
{
    public static ProblemDetails Create(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return problem;
    }
}
