using System.Text.RegularExpressions;

namespace OrleansBatch.Abstractions;

/// <summary>
/// Names of tenants, endpoints, deployments, models and data assets: 3-32 characters, a letter first,
/// letters, digits and hyphens, no trailing hyphen. Case-insensitive, so they are kept lower-case.
/// </summary>
public static partial class ResourceName
{
    public const string Rule = "use 3-32 characters: a letter first, then letters, digits or '-', not ending with '-'";

    [GeneratedRegex("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is { Length: >= 3 and <= 32 } && Pattern().IsMatch(name);

    /// <summary>Returns the lower-case name, or throws 400 <c>InvalidName</c> naming <paramref name="field"/>.</summary>
    public static string Normalize(string? name, string field = "name")
    {
        if (!IsValid(name))
        {
            var message = $"'{name}' is not a valid {field}: {Rule}.";
            throw new DomainException(400, "InvalidName", message, new Dictionary<string, string[]> { [field] = [message] });
        }
        return name!.ToLowerInvariant();
    }
}
