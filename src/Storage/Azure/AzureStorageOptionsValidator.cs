using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Checks the settings at start-up, so a bad connection string or prefix stops the host at once with a
/// message saying what to change. The connection string is parsed by the Azure SDK itself (blob and table
/// services); reaching the account is checked by <see cref="AzureStorageStartup"/>.
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
        else if (CheckConnectionString(options.ConnectionString) is { } problem)
            failures.Add($"{connection} {problem}");

        if (string.IsNullOrEmpty(options.ContainerPrefix) || options.ContainerPrefix.Length > MaxPrefixLength || !ContainerName.IsValid(options.ContainerPrefix + "-artifacts"))
            failures.Add($"{prefix} '{options.ContainerPrefix}' is not usable: use 3 to {MaxPrefixLength} lowercase letters, digits and single hyphens, starting with a letter or digit and not ending with a hyphen (e.g. 'obatch' or 'obatch-prod').");
        else if (options.ContainerPrefix.Length < 3)
            failures.Add($"{prefix} '{options.ContainerPrefix}' is too short: use at least 3 characters.");

        if (options.MaxRetries is < 0 or > 20)
            failures.Add($"{AzureStorageOptions.SectionName}:{nameof(AzureStorageOptions.MaxRetries)} must be between 0 and 20.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with the connection string (to follow its setting's name), or null.</summary>
    private static string? CheckConnectionString(string connectionString)
    {
        BlobServiceClient blobs;
        try
        {
            blobs = new BlobServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message never repeats the key.
            return $"is not a storage connection string the Azure SDK accepts ({e.Message}). Use 'UseDevelopmentStorage=true', 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net', or explicit BlobEndpoint=...;TableEndpoint=...;QueueEndpoint=... with AccountName/AccountKey or SharedAccessSignature.";
        }
        // A shared key lets the client sign account SAS; a SAS connection string puts its token on the endpoint.
        if (!blobs.CanGenerateAccountSasUri && !blobs.Uri.Query.Contains("sig=", StringComparison.Ordinal))
            return "has neither AccountKey nor SharedAccessSignature; the provider writes blobs, table rows and queue messages and cannot work anonymously. Add the account key or a SAS with read, write, delete, list, add, create, update and process permissions on blobs, tables and queues.";
        try
        {
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return $"names no table service ({e.Message}). Add TableEndpoint=... (Azurite: http://127.0.0.1:10002/devstoreaccount1) or use AccountName/EndpointSuffix so every service is derived.";
        }
        return null;
    }
}
