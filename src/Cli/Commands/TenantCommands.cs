using System.CommandLine;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Cli.Commands;

/// <summary><c>obatch tenant create|list</c> and <c>obatch tenant key create|list|delete</c>: platform administration (the platform admin key).</summary>
internal static class TenantCommands
{
    public static Command Create(CliContext context)
    {
        var name = Verb.Name("The tenant's name.");
        var tenant = new Option<string>("--tenant") { Description = "The tenant.", Required = true };
        var role = new Option<ApiKeyRole>("--role") { Description = "reader, contributor or admin.", Required = true };
        var id = new Option<string>("--id") { Description = "The key's id.", Required = true };

        return Verb.Group("tenant", "Tenants and their API keys (with the platform admin key, or a tenant admin key for its own keys).",
            Verb.Create("create", "Create a tenant.", context, [name], async run =>
                run.Write(await run.Client.CreateTenantAsync(run.Required(name), run.CancellationToken))),
            Verb.Create("list", "List the tenants.", context, [], async run =>
                run.Write(await run.Client.GetTenantsAsync(run.CancellationToken).ToListAsync(run.CancellationToken))),
            Verb.Group("key", "A tenant's API keys.",
                Verb.Create("create", "Create an API key; its secret ('key') is shown this once.", context, [tenant, role], async run =>
                    run.Write(await run.Client.CreateTenantKeyAsync(run.Required(tenant), run.Required(role), run.CancellationToken))),
                Verb.Create("list", "List a tenant's keys (without their secrets).", context, [tenant], async run =>
                    run.Write(await run.Client.GetTenantKeysAsync(run.Required(tenant), run.CancellationToken).ToListAsync(run.CancellationToken))),
                Verb.Create("delete", "Revoke an API key; it stops working at once.", context, [tenant, id], async run =>
                {
                    await run.Client.DeleteTenantKeyAsync(run.Required(tenant), run.Required(id), run.CancellationToken);
                    run.Note($"Revoked key {run.Required(id)} of tenant {run.Required(tenant)}.");
                })));
    }
}
