using System.Globalization;

namespace OrleansBatch.Abstractions.Models;

/// <summary>
/// A deployment's reference to a registered model: <c>name:version</c>, <c>azureml:name:version</c>,
/// <c>name@latest</c>, <c>azureml:name@latest</c> or <c>{name, version}</c>. A null <see cref="Version"/>
/// means the latest; it is resolved and pinned when a deployment version is created.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelReference")]
public sealed record ModelReference(string Name, int? Version)
{
    private const string Hint = "use 'name:version', 'azureml:name:version', 'name@latest', 'azureml:name@latest' or {name, version}";

    public override string ToString() => Version is { } v ? $"{Name}:{v}" : $"{Name}@latest";

    /// <summary>Parses the string forms; adds an error for <paramref name="field"/> and returns null when malformed.</summary>
    public static ModelReference? Parse(string text, string field, ValidationErrors errors)
    {
        var value = text.Trim();
        if (value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase))
            value = value["azureml:".Length..];
        if (value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith('/'))
        {
            errors.Add(field, $"'{text}' names a model by an Azure resource path or registry, which this platform does not have; {Hint}.");
            return null;
        }
        var at = value.LastIndexOf('@');
        if (at > 0)
        {
            var label = value[(at + 1)..];
            if (!label.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, $"'{text}' uses label '{label}'; only '@latest' is supported, or {Hint}.");
                return null;
            }
            return Of(value[..at], null, text, field, errors);
        }
        var colon = value.LastIndexOf(':');
        if (colon > 0)
            return Of(value[..colon], value[(colon + 1)..], text, field, errors);
        errors.Add(field, $"'{text}' has no version; {Hint}.");
        return null;
    }

    /// <summary>The object form <c>{name, version}</c>; version may be a number, a numeric string or "latest".</summary>
    public static ModelReference? Of(string? name, string? version, string text, string field, ValidationErrors errors)
    {
        if (!ResourceName.IsValid(name))
        {
            errors.Add(field, $"'{text}': the model name is not valid ({ResourceName.Rule}).");
            return null;
        }
        if (version is null || version.Equals("latest", StringComparison.OrdinalIgnoreCase))
            return new ModelReference(name!.ToLowerInvariant(), null);
        if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            return new ModelReference(name!.ToLowerInvariant(), number);
        errors.Add(field, $"'{text}': the version '{version}' must be a positive integer or 'latest'.");
        return null;
    }
}
