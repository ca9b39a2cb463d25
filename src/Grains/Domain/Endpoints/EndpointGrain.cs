using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Endpoints;

/// <summary>A batch endpoint of a tenant: description, tags, auth mode, its deployments and the default one. Keyed <c>tenant/endpoint</c>.</summary>
public sealed class EndpointGrain(
    [PersistentState("endpoint", StorageNames.Grains)] IPersistentState<StoredState<EndpointState>> state, IGrainStateStore catalog, TimeProvider time)
    : ResourceGrain<EndpointState>(state, catalog, time), IEndpointGrain
{
    public const string GrainType = "endpoint";

    protected override StateKey CatalogKey => new(GrainType, Tenant, Name);

    private string Name => Names[0];

    public Task<EndpointPutResult> PutAsync(EndpointDefinition definition, long? ifMatch)
    {
        var errors = new ValidationErrors();
        definition.Validate(errors);
        errors.ThrowIfAny();
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var updated = Apply(current.State ?? new EndpointState(Name, null, new Dictionary<string, string>(), "key", null, [], now, now), definition, now);
            if (current.State is not null && SameContent(current.State, updated))
                return Outcome<EndpointState, EndpointPutResult>.Keep(new(new(current.State, current.Version), false));
            return Outcome<EndpointState, EndpointPutResult>.Write(updated, new(new(updated, current.Version + 1), !current.Exists));
        }, ifMatch);
    }

    public Task<Snapshot<EndpointState>> PatchAsync(string mergePatchJson, long? ifMatch)
    {
        var patch = JsonNode.Parse(mergePatchJson) as JsonObject ?? throw DomainException.Validation("body", "a merge patch must be a JSON object.");
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var endpoint = current.State ?? throw NotFound(Name);
            var patched = JsonMergePatch.Apply(ToDocument(endpoint), patch) as JsonObject ?? new JsonObject();
            var updated = Apply(endpoint, FromDocument(patched, Name), now);
            return SameContent(endpoint, updated)
                ? Outcome<EndpointState, Snapshot<EndpointState>>.Keep(new(endpoint, current.Version))
                : Outcome<EndpointState, Snapshot<EndpointState>>.Write(updated, new(updated, current.Version + 1));
        }, ifMatch);
    }

    public Task<Snapshot<EndpointState>> GetAsync() => Task.FromResult(Existing());

    public async Task DeleteAsync(long? ifMatch)
    {
        await ExecuteAsync(current => current.Exists ? Outcome<EndpointState, bool>.Delete(true) : throw NotFound(Name), ifMatch);

        // Every deployment grain under the endpoint, including any a crashed PUT left unlisted.
        while (true)
        {
            var page = await Catalog.QueryAsync(new GrainQuery(DeploymentGrain.GrainType, Tenant, Name + "/", 100));
            if (page.Items.Count == 0)
                break;
            foreach (var record in page.Items)
                await GrainFactory.GetGrain<IDeploymentGrain>(GrainKeys.Of(Tenant, record.Id.Key)).PurgeAsync();
        }
    }

    public Task<Snapshot<EndpointState>> AddDeploymentAsync(string deployment, bool setDefault)
    {
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var endpoint = current.State ?? throw NotFound(Name);
            var listed = endpoint.Deployments.Contains(deployment);
            var makeDefault = setDefault || endpoint.DefaultDeployment is null;
            if (listed && (!makeDefault || endpoint.DefaultDeployment == deployment))
                return Outcome<EndpointState, Snapshot<EndpointState>>.Keep(new(endpoint, current.Version));
            var updated = endpoint with
            {
                Deployments = listed ? endpoint.Deployments : endpoint.Deployments.Append(deployment).Order(StringComparer.Ordinal).ToList(),
                DefaultDeployment = makeDefault ? deployment : endpoint.DefaultDeployment,
                UpdatedAt = now,
            };
            return Outcome<EndpointState, Snapshot<EndpointState>>.Write(updated, new(updated, current.Version + 1));
        });
    }

    public Task RemoveDeploymentAsync(string deployment)
    {
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var endpoint = current.State ?? throw NotFound(Name);
            if (endpoint.DefaultDeployment == deployment)
                throw DomainException.Conflict("DeploymentIsDefault",
                    $"Deployment '{deployment}' is the default of endpoint '{Name}'; switch the default first (PATCH the endpoint with defaults.deployment_name) or delete the endpoint.");
            if (!endpoint.Deployments.Contains(deployment))
                return Outcome<EndpointState, bool>.Keep(false);
            return Outcome<EndpointState, bool>.Write(endpoint with { Deployments = endpoint.Deployments.Where(d => d != deployment).ToList(), UpdatedAt = now }, true);
        });
    }

    public async Task<ResolvedDeployment> ResolveAsync(string? deployment)
    {
        var endpoint = Existing().State;
        var name = deployment?.ToLowerInvariant() ?? endpoint.DefaultDeployment
            ?? throw DomainException.Conflict("NoDefaultDeployment",
                $"Endpoint '{Name}' has no default deployment; name one with deployment_name (or the azureml-model-deployment header), or set defaults.deployment_name.");
        var version = await GrainFactory.GetGrain<IDeploymentGrain>(GrainKeys.Of(Tenant, Name, name)).GetVersionAsync(null);
        return new ResolvedDeployment(Name, name, version);
    }

    public static DomainException NotFound(string endpoint) =>
        DomainException.NotFound("EndpointNotFound", $"Endpoint '{endpoint}' does not exist; create it with PUT /v1/endpoints/{endpoint}.");

    private Snapshot<EndpointState> Existing() => Current is { State: { } endpoint } current ? new(endpoint, current.Version) : throw NotFound(Name);

    private static EndpointState Apply(EndpointState state, EndpointDefinition definition, DateTimeOffset now)
    {
        var defaultDeployment = definition.HasDefaults ? definition.DefaultDeployment?.ToLowerInvariant() : state.DefaultDeployment;
        if (defaultDeployment is not null && !state.Deployments.Contains(defaultDeployment))
            throw DomainException.NotFound("DeploymentNotFound",
                $"Endpoint '{state.Name}' has no deployment '{defaultDeployment}' to make the default; create it with PUT /v1/endpoints/{state.Name}/deployments/{defaultDeployment} first.");
        return state with
        {
            Description = definition.Description,
            Tags = StringMap.Normalize(definition.Tags),
            AuthMode = definition.AuthMode?.ToLowerInvariant() ?? "key",
            DefaultDeployment = defaultDeployment,
            UpdatedAt = now,
        };
    }

    private static bool SameContent(EndpointState a, EndpointState b) =>
        a.Description == b.Description && a.AuthMode == b.AuthMode && a.DefaultDeployment == b.DefaultDeployment
        && a.Tags.Count == b.Tags.Count && a.Tags.All(t => b.Tags.TryGetValue(t.Key, out var v) && v == t.Value)
        && a.Deployments.SequenceEqual(b.Deployments);

    private static JsonObject ToDocument(EndpointState state)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in state.Tags)
            tags[key] = value;
        return new JsonObject
        {
            ["description"] = state.Description,
            ["tags"] = tags,
            ["auth_mode"] = state.AuthMode,
            ["defaults"] = new JsonObject { ["deployment_name"] = state.DefaultDeployment },
        };
    }

    private static EndpointDefinition FromDocument(JsonObject document, string name)
    {
        var errors = new ValidationErrors();
        if (document["name"] is { } patchedName && !string.Equals(StringOf(patchedName, "name", errors), name, StringComparison.OrdinalIgnoreCase))
            errors.Add("name", $"an endpoint cannot be renamed; the name must stay '{name}'.");
        var description = StringOf(document["description"], "description", errors);
        var authMode = StringOf(document["auth_mode"], "auth_mode", errors);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (document["tags"])
        {
            case null:
                break;
            case JsonObject tagObject:
                foreach (var (key, value) in tagObject)
                {
                    if (value is JsonValue scalar && scalar.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.Array))
                        tags[key] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
                    else if (value is not null)
                        errors.Add($"tags.{key}", "must be a string.");
                }
                break;
            default:
                errors.Add("tags", "must be an object of string values.");
                break;
        }
        string? defaultDeployment = null;
        switch (document["defaults"])
        {
            case null:
                break;
            case JsonObject defaults:
                defaultDeployment = StringOf(defaults["deployment_name"], "defaults.deployment_name", errors);
                break;
            default:
                errors.Add("defaults", "must be an object such as {\"deployment_name\": \"blue\"}.");
                break;
        }
        var definition = new EndpointDefinition(description, tags, authMode, true, defaultDeployment);
        definition.Validate(errors);
        errors.ThrowIfAny();
        return definition;
    }

    private static string? StringOf(JsonNode? node, string field, ValidationErrors errors)
    {
        if (node is null)
            return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        errors.Add(field, "must be a string.");
        return null;
    }
}
