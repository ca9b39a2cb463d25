namespace OrleansBatch.Abstractions.Endpoints;

/// <summary>
/// An endpoint as a PUT (or a merge-patched document) describes it. A null <see cref="AuthMode"/> means
/// <c>key</c>. <see cref="DefaultDeployment"/> is kept as it is when <see cref="HasDefaults"/> is false.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.EndpointDefinition")]
public sealed record EndpointDefinition(string? Description, IReadOnlyDictionary<string, string>? Tags, string? AuthMode, bool HasDefaults, string? DefaultDeployment)
{
    /// <summary>Auth modes of Azure ML endpoint YAML; every one is served with this platform's API keys.</summary>
    public static readonly string[] AuthModes = ["key", "aad_token", "aml_token"];

    public void Validate(ValidationErrors errors)
    {
        if (Description is { Length: > 4096 })
            errors.Add("description", "is longer than 4096 characters.");
        StringMap.Validate(Tags, "tags", errors);
        if (AuthMode is not null && !AuthModes.Contains(AuthMode.ToLowerInvariant()))
            errors.Add("auth_mode", $"'{AuthMode}' is not supported; use one of {string.Join(", ", AuthModes)} (requests are authorized with API keys).");
        if (DefaultDeployment is not null && !ResourceName.IsValid(DefaultDeployment))
            errors.Add("defaults.deployment_name", $"'{DefaultDeployment}' is not a valid deployment name: {ResourceName.Rule}.");
    }
}
