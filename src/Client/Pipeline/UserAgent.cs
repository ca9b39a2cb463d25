using System.Reflection;
using System.Runtime.InteropServices;

namespace OrleansBatch.Client.Pipeline;

/// <summary>The <c>User-Agent</c> the client sends: the caller's application id, the client version, the runtime and OS.</summary>
internal static class UserAgent
{
    private static readonly string ClientProduct = Build();

    public static string For(string? applicationId)
        => string.IsNullOrEmpty(applicationId) ? ClientProduct : $"{applicationId} {ClientProduct}";

    private static string Build()
    {
        var assembly = typeof(UserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus > 0)
            version = version[..plus];
        var platform = $"{RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}"
            .Replace('(', '[').Replace(')', ']');
        return $"OrleansBatch.Client/{version} ({platform})";
    }
}
