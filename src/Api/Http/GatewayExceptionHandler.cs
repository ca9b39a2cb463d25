using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Turns every exception into problem+json: a <see cref="DomainException"/> into its status and code,
/// malformed or oversized requests into 4xx, anything else into a generic 500 (logged, never a stack trace).
/// </summary>
internal sealed class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException e => Problems.Create(e.Status, e.Code, e.Message, e.Errors),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Create(413, ProblemCodes.RequestTooLarge, "The request body is larger than this route accepts."),
            BadHttpRequestException e => Problems.Create(e.StatusCode, ProblemCodes.BadRequest, e.Message),
            JsonException e => Problems.Create(400, ProblemCodes.InvalidJson, "The request body is not valid JSON: " + e.Message),
            // The stores refuse a token they did not issue this way (ListQuery cannot tell, the token being opaque).
            ArgumentException { ParamName: "continuation" } => Problems.Create(400, ProblemCodes.InvalidContinuation,
                "The continuation token is not one this list returned; follow next_link unchanged, or leave continuation out for the first page.",
                new Dictionary<string, string[]> { ["continuation"] = ["is not a token this list returned"] }),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
                return true; // the client went away; nobody to answer
            GatewayLog.UnhandledException(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.Create(500, ProblemCodes.InternalError, "The server failed to process the request; the error was logged. Try again later.");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }
}
