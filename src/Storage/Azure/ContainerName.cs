using System.Text.RegularExpressions;

namespace OrleansBatch.Storage.Azure;

/// <summary>Azure's rule for container and queue names: 3 to 63 of a-z, 0-9 and single hyphens, starting and ending with a letter or digit.</summary>
public static partial class ContainerName
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex Rule();

    public static bool IsValid(string name) => name is not null && Rule().IsMatch(name);

    public static void Validate(string name, string parameterName)
    {
        if (!IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid container or queue name: use 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.", parameterName);
    }
}
