using System.Net;
using System.Text;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client.Tests.Pipeline;

public class ProblemDetailsReaderTests
{
    [Fact]
    public async Task Problem_details_become_status_code_title_detail_and_field_errors()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""
                {"type":"about:blank","title":"The request is not valid.","status":400,"detail":"Fix the fields listed.",
                 "code":"ValidationFailed","errors":{"settings.mini_batch_size":["must be between 1 and 100000 files."]},"traceId":"00-abc"}
                """, Encoding.UTF8, "application/problem+json"),
        };

        var error = await ProblemDetailsReader.ReadAsync(response, CancellationToken.None);

        Assert.Equal(400, error.Status);
        Assert.Equal("ValidationFailed", error.ErrorCode);
        Assert.Equal("The request is not valid.", error.Title);
        Assert.Equal("Fix the fields listed.", error.Detail);
        Assert.Equal("00-abc", error.TraceId);
        Assert.Equal(["must be between 1 and 100000 files."], error.Errors["settings.mini_batch_size"]);
        Assert.Contains("ErrorCode: ValidationFailed", error.Message);
        Assert.Contains("settings.mini_batch_size: must be between", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_problem_details_still_gives_status_and_text()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent("<html>upstream down</html>", Encoding.UTF8, "text/html"),
        };

        var error = await ProblemDetailsReader.ReadAsync(response, CancellationToken.None);

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("<html>upstream down</html>", error.Detail);
        Assert.Empty(error.Errors);
        Assert.StartsWith("The gateway answered 502 Bad Gateway", error.Message);
    }
}
