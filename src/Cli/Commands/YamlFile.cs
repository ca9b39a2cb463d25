namespace OrleansBatch.Cli.Commands;

/// <summary>Reads a YAML file named on the command line, with a usage error that names it when it is not there.</summary>
internal static class YamlFile
{
    public static string Read(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"--file {path}: there is no such file.");
}
