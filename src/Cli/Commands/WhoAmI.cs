using OrleansBatch.Client;

namespace OrleansBatch.Cli.Commands;

/// <summary>What a key can reach: a tenant's endpoints (a tenant key) or the tenants (the platform admin key).</summary>
internal static class WhoAmI
{
    public static async Task<string> GetAsync(OrleansBatchClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetEndpointsAsync(cancellationToken).AsPages(pageSizeHint: 1).FirstAsync(cancellationToken);
            return "a tenant key";
        }
        catch (OrleansBatchRequestException e) when (e.Status is 401 or 403)
        {
            await client.GetTenantsAsync(cancellationToken).AsPages(pageSizeHint: 1).FirstAsync(cancellationToken);
            return "the platform admin";
        }
    }
}
