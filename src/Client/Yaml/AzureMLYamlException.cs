namespace OrleansBatch.Client.Yaml;

/// <summary>An Azure ML YAML file (or a <c>--set</c> override) this platform cannot take as it is: which file, which key, and what to do.</summary>
public sealed class AzureMLYamlException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file (or <c>--set</c>) the problem is in.</param>
    /// <param name="key">The dotted key at fault, or null for the file as a whole.</param>
    /// <param name="problem">What is wrong and what to do, completing "&lt;source&gt;: &lt;key&gt; ...".</param>
    public AzureMLYamlException(string source, string? key, string problem)
        : base(key is null ? $"{source} {problem}" : $"{source}: '{key}' {problem}")
    {
        Source = source;
        Key = key;
    }

    /// <summary>The file (or <c>--set</c>) the problem is in.</summary>
    public new string Source { get; }

    /// <summary>The dotted key at fault (e.g. <c>settings.mini_bach_size</c>), or null for the file as a whole.</summary>
    public string? Key { get; }
}
