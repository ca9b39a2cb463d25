using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Reads an Orleans client's <see cref="JobInvocation"/> into the <see cref="InvokeBody"/> the invoke pipeline takes, as the
/// gateway's body reader does for REST: every problem is a 400 <c>ValidationFailed</c> naming the field.
/// </summary>
public static class JobInvocationReader
{
    /// <summary>Longest idempotency key, as for the REST <c>Idempotency-Key</c> header.</summary>
    public const int MaxIdempotencyKeyLength = 256;

    public static InvokeBody Read(JobInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var errors = new ValidationErrors();
        var inputs = new List<InvokeInput>();
        foreach (var (input, i) in (invocation.Inputs ?? []).Select((input, i) => (input, i)))
        {
            var field = $"inputs[{i}]";
            if (string.IsNullOrWhiteSpace(input?.Name))
                errors.Add($"{field}.name", "is required (\"input\" for a model's single input).");
            else if (inputs.Any(x => string.Equals(x.Name, input.Name, StringComparison.Ordinal)))
                errors.Add($"{field}.name", $"'{input.Name}' names another input already; give each input its own name.");
            if (string.IsNullOrWhiteSpace(input?.Path))
                errors.Add($"{field}.path", "is required.");
            var type = input?.Type?.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
            {
                null or "" => "",
                "urifile" => JobInvocationInput.UriFile,
                "urifolder" => JobInvocationInput.UriFolder,
                _ => null,
            };
            if (type is null)
                errors.Add($"{field}.type", $"'{input!.Type}' is not an input type; use uri_file or uri_folder, or leave it null.");
            else if (!string.IsNullOrWhiteSpace(input?.Name) && !string.IsNullOrWhiteSpace(input.Path))
                inputs.Add(new InvokeInput(input.Name, type, input.Path, $"{field}.path"));
        }
        if ((invocation.Inputs ?? []).Count == 0)
            errors.Add("inputs", "an input is required: new JobInvocationInput(path).");
        if (invocation.IdempotencyKey is { Length: > MaxIdempotencyKeyLength })
            errors.Add("idempotency_key", $"must be at most {MaxIdempotencyKeyLength} characters.");
        var settings = invocation.Settings is { } s ? Settings(s, errors) : null;
        errors.ThrowIfAny();
        var output = invocation.Output;
        return new InvokeBody(NullIfEmpty(invocation.Deployment), inputs, NullIfEmpty(output?.Path), NullIfEmpty(output?.FileName),
            output?.Overwrite == true ? OutputPolicy.Overwrite : OutputPolicy.Fail, settings);
    }

    private static JobSettingsOverrides Settings(JobInvocationSettings s, ValidationErrors errors)
    {
        var action = s.OutputAction?.ToLowerInvariant() switch
        {
            null => (OutputAction?)null,
            "append_row" => OutputAction.AppendRow,
            "summary_only" => OutputAction.SummaryOnly,
            _ => null,
        };
        if (s.OutputAction is not null && action is null)
            errors.Add("settings.output_action", $"'{s.OutputAction}' is not an output action; use append_row or summary_only.");
        return new JobSettingsOverrides(
            NullIfEmpty(s.MiniBatchSize), s.InstanceCount, s.MaxConcurrencyPerInstance, s.MaxRetries, s.TimeoutSeconds, s.ErrorThreshold,
            s.LoggingLevel, action, s.OutputFileName, s.InputColumns, s.PassthroughColumns, s.OutputFormat);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
