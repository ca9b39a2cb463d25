namespace OrleansBatch.Api.Http;

/// <summary>OpenAPI metadata shared by the API groups, so that the document at <c>/openapi/v1.json</c> shows the problem answers too.</summary>
internal static class OpenApiMetadata
{
    /// <summary>The <c>application/problem+json</c> answers every API route may give: 400, 401, 403, 404, 409, 412.</summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder group)
    {
        foreach (var status in new[] { 400, 401, 403, 404, 409, 412 })
            group.ProducesProblem(status);
        return group;
    }
}
