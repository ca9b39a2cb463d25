using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>
/// A reference to a registered model: a pinned version (<c>name:version</c>) or the latest (<c>name@latest</c>,
/// resolved and pinned by the gateway when the deployment version is created).
/// </summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The version, or null for the latest.</param>
[JsonConverter(typeof(ModelReferenceJsonConverter))]
public sealed record ModelReference(string Name, int? Version = null)
{
    /// <summary>A reference to the latest version of a model.</summary>
    /// <param name="name">The model's name.</param>
    public static ModelReference Latest(string name) => new(name);

    /// <summary>
    /// Parses <c>name:version</c>, <c>name@latest</c>, or either with the <c>azureml:</c> prefix.
    /// </summary>
    /// <param name="reference">The reference text.</param>
    /// <exception cref="FormatException">The text is none of those forms.</exception>
    public static ModelReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase) ? reference["azureml:".Length..] : reference;
        if (text.EndsWith("@latest", StringComparison.OrdinalIgnoreCase) && text.Length > "@latest".Length)
            return new ModelReference(text[..^"@latest".Length]);
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0)
            return new ModelReference(text[..colon], version);
        throw new FormatException($"'{reference}' is not a model reference: use name:version, name@latest, azureml:name:version or azureml:name@latest.");
    }

    /// <summary>The reference as the gateway reads it: <c>name:version</c> or <c>name@latest</c>.</summary>
    public override string ToString() => Version is { } v ? $"{Name}:{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"{Name}@latest";
}
