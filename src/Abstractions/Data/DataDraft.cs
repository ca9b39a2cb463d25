namespace OrleansBatch.Abstractions.Data;

/// <summary>A new data asset version as the caller describes it, before validation.</summary>
[GenerateSerializer, Immutable, Alias("obatch.DataDraft")]
public sealed record DataDraft(string? Type, string? Path, string? Description, IReadOnlyDictionary<string, string>? Tags)
{
    public const string UriFile = "uri_file";
    public const string UriFolder = "uri_folder";

    /// <summary>Checks the draft; 400 <c>ValidationFailed</c> listing every problem.</summary>
    public void Validate()
    {
        var errors = new ValidationErrors();
        if (Type is not (UriFile or UriFolder))
            errors.Add("type", $"'{Type}' is not supported; use '{UriFile}' or '{UriFolder}'.");
        if (string.IsNullOrWhiteSpace(Path))
            errors.Add("path", "is required: an upload:// path, a path under a configured data root, or an https:// URL.");
        else if (Path.Length > 2048)
            errors.Add("path", "is longer than 2048 characters.");
        else if (Path.Any(char.IsControl))
            errors.Add("path", "must not contain control characters (NUL, CR, LF, ...): they would reach job logs and messages as they are.");
        if (Description is { Length: > 4096 })
            errors.Add("description", "is longer than 4096 characters.");
        StringMap.Validate(Tags, "tags", errors);
        errors.ThrowIfAny();
    }
}
