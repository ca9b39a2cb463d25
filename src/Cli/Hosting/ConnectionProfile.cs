using System.Text.Json;

namespace OrleansBatch.Cli.Hosting;

/// <summary>
/// The gateway and API key <c>obatch login</c> saved, in <c>profile.json</c> under the user's config folder: the folder
/// is created 0700 and the file written 0600, since it holds a key.
/// </summary>
internal sealed record ConnectionProfile(string Endpoint, string ApiKey)
{
    public const string FileName = "profile.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static ConnectionProfile? Read(string configDirectory)
    {
        var path = Path.Combine(configDirectory, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<ConnectionProfile>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            throw new UsageException($"The login profile {path} is not valid JSON; run 'obatch login --endpoint <url> --api-key <key>' again.");
        }
    }

    /// <summary>Writes the profile (replacing any earlier one) and returns its path.</summary>
    public string Write(string configDirectory)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(configDirectory);
        else
            Directory.CreateDirectory(configDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(configDirectory, FileName);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, options))
            writer.Write(JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
