using Microsoft.Extensions.Options;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Checks at start-up that the data directory can be created and written, so a bad setting fails
/// the host at once with a message saying what to change, not later inside a grain call.
/// </summary>
public sealed class LocalStorageOptionsValidator : IValidateOptions<LocalStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalStorageOptions options)
    {
        var setting = $"{LocalStorageOptions.SectionName}:{nameof(LocalStorageOptions.DataDirectory)}";
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail($"{setting} is not set. Set it to a folder this process can write, e.g. './data'.");
        if (options.BusyTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"{LocalStorageOptions.SectionName}:{nameof(LocalStorageOptions.BusyTimeout)} must be positive (e.g. '00:00:10').");

        string full;
        try
        {
            full = Path.GetFullPath(options.DataDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"{setting} '{options.DataDirectory}' is not a valid path ({e.Message}). Set it to a folder path.");
        }

        if (WritableFolder.Problem(full) is { } reason)
        {
            return ValidateOptionsResult.Fail(
                $"{setting} '{full}' is not writable ({reason}). Point it to a folder this process can create and write, or fix the folder's permissions.");
        }
        return ValidateOptionsResult.Success;
    }
}
