using Microsoft.Extensions.Options;
using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Checks the settings at start-up, so a bad connection string or prefix stops the host at once with a
/// message saying what to change. Reaching the account is checked by <see cref="AzureStorageStartup"/>.
/// </summary>
public sealed class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
    /// <summary>Longest container prefix: leaves room for the container suffixes and queue names.</summary>
    public const int MaxPrefixLength = 24;

    public ValidateOptionsResult Validate(string? name, AzureStorageOptions options)
    {
        var connection = $"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.ConnectionString)}";
        var prefix = $"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.ContainerPrefix)}";
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{connection} is not set. Set it to 'UseDevelopmentStorage=true' for a local Azurite, or to the storage account's connection string (Azure portal: Storage account > Access keys).");
        else
        {
            try
            {
                if (StorageConnectionString.Parse(options.ConnectionString).Credential is AnonymousCredential)
                    failures.Add($"{connection} has neither AccountKey nor SharedAccessSignature; the provider writes blobs and queue messages and cannot work anonymously. Add the account key or a SAS with read, write, delete, list, add, create, update and process permissions.");
            }
            catch (FormatException e)
            {
                failures.Add($"{connection} is not valid: {e.Message}");
            }
        }

        if (string.IsNullOrEmpty(options.ContainerPrefix) || options.ContainerPrefix.Length > MaxPrefixLength || !ContainerName.IsValid(options.ContainerPrefix + "-artifacts"))
            failures.Add($"{prefix} '{options.ContainerPrefix}' is not usable: use 3 to {MaxPrefixLength} lowercase letters, digits and single hyphens, starting with a letter or digit and not ending with a hyphen (e.g. 'obatch' or 'obatch-prod').");
        else if (options.ContainerPrefix.Length < 3)
            failures.Add($"{prefix} '{options.ContainerPrefix}' is too short: use at least 3 characters.");

        if (options.MaxRetries is < 0 or > 20)
            failures.Add($"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.MaxRetries)} must be between 0 and 20.");
        if (options.MaxQueuePollInterval <= TimeSpan.Zero)
            failures.Add($"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.MaxQueuePollInterval)} must be positive (e.g. '00:00:02').");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
