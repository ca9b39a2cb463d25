namespace OrleansBatch.Abstractions.Tenants;

/// <summary>What a tenant API key may do; each role includes the ones before it.</summary>
[GenerateSerializer, Alias("obatch.TenantRole")]
public enum TenantRole
{
    /// <summary>Read resources.</summary>
    Reader = 1,

    /// <summary>Also create, update, delete, invoke and cancel.</summary>
    Contributor = 2,

    /// <summary>Also manage the tenant's API keys.</summary>
    Admin = 3,
}
