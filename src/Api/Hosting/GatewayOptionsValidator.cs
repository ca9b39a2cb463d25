using Microsoft.Extensions.Options;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Api.Hosting;

/// <summary>Fails the start with a message that says which setting to fix.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.AdminKey is { Length: < 16 })
            failures.Add($"{GatewayOptions.AdminKeyKey} must be at least 16 characters (or unset, to generate one into <data dir>/admin.key).");
        if (options.MaxUploadBytes is < 1 << 20 or > 64L << 30)
            failures.Add($"{GatewayOptions.MaxUploadMegabytesKey} must be between 1 and 65536.");
        if (options.MaxJsonBodyBytes is < 16 << 10 or > 64 << 20)
            failures.Add($"{GatewayOptions.MaxJsonKilobytesKey} must be between 16 and 65536.");
        foreach (var root in options.DataRoots)
        {
            // A root with {tenant} must exist up to the placeholder; the tenants' folders come and go with them.
            var fixedPart = root.Contains(DataRoots.TenantPlaceholder, StringComparison.Ordinal)
                ? Path.GetDirectoryName(root[..root.IndexOf(DataRoots.TenantPlaceholder, StringComparison.Ordinal)] + "x")!
                : root;
            if (root != SiloProviderOptions.DefaultDataRoot(options.DataDirectory) && !Directory.Exists(fixedPart))
                failures.Add($"{GatewayOptions.DataRootsKey}: '{fixedPart}' is not an existing folder.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
