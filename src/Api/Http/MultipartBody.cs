using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Streams a <c>multipart/form-data</c> body: each part named <c>file</c> goes to the caller's sink (with a
/// sanitized, de-duplicated name), an optional part named <c>metadata</c> is returned as text. The whole
/// body is limited to the configured upload size.
/// </summary>
internal static class MultipartBody
{
    public static async Task<(string? Metadata, int Files)> ReadAsync(
        HttpRequest request, Func<string, Stream, Task> writeFile, CancellationToken cancellationToken)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = options.MaxUploadBytes;
        if (request.ContentLength > options.MaxUploadBytes)
            throw LengthLimitedStream.TooLarge(options.MaxUploadBytes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new DomainException(415, ProblemCodes.UnsupportedMediaType, "Send multipart/form-data with one or more parts named 'file' (curl -F file=@model.onnx).");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw DomainException.Invalid(ProblemCodes.BadRequest, "The multipart/form-data content type has no boundary.");

        var reader = new MultipartReader(boundary, new LengthLimitedStream(request.Body, options.MaxUploadBytes)) { BodyLengthLimit = null };
        string? metadata = null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    throw DomainException.Invalid(ProblemCodes.BadRequest, "A multipart part has no Content-Disposition header.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (string.Equals(name, "metadata", StringComparison.OrdinalIgnoreCase))
                {
                    using var text = new StreamReader(new LengthLimitedStream(section.Body, options.MaxJsonBodyBytes));
                    metadata = await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (string.Equals(name, "file", StringComparison.OrdinalIgnoreCase))
                {
                    if (names.Count >= options.MaxUploadFiles)
                        throw DomainException.Invalid("TooManyFiles",
                            $"A request may carry at most {options.MaxUploadFiles} files; send them in several uploads, or ask the operator to raise {GatewayOptions.MaxUploadFilesKey}.");
                    var fileName = UploadFileName.Sanitize(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    var unique = fileName;
                    for (var i = 1; !names.Add(unique); i++)
                        unique = $"{Path.GetFileNameWithoutExtension(fileName)}-{i}{Path.GetExtension(fileName)}";
                    await writeFile(unique, section.Body).ConfigureAwait(false);
                }
                else
                {
                    throw DomainException.Validation(name ?? "part", "unexpected multipart part; send parts named 'file' (one or more) and optionally 'metadata'.");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw DomainException.Invalid(ProblemCodes.BadRequest, "The multipart body is malformed: " + e.Message);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // MultipartReader's "Unexpected end of Stream": the body stopped before its closing boundary.
            throw DomainException.Invalid(ProblemCodes.BadRequest, "The multipart body ended before its closing boundary; send the whole body.");
        }
        if (names.Count == 0)
            throw DomainException.Validation("file", "at least one part named 'file' is required.");
        return (metadata, names.Count);
    }
}
