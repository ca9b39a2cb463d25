using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Endpoints;

/// <summary>Batch endpoints of a tenant: description, tags, auth mode, the list of deployments and the default one.</summary>
public sealed class EndpointGrain(GrainRuntime runtime, TimeProvider time)
{
    public const string GrainType = "endpoint";

    public static GrainId IdOf(string tenant, string endpoint) => new(GrainType, tenant, endpoint);

    /// <summary>Creates or overwrites. Returns the new state and whether it was created.</summary>
    public Task<(Snapshot<EndpointState> Endpoint, bool Created)> PutAsync(
        string tenant, string name, EndpointDefinition definition, long? ifMatch, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        definition.Validate(errors);
        errors.ThrowIfAny();
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<EndpointState, (Snapshot<EndpointState>, bool)>(IdOf(tenant, name), current =>
        {
            var state = Apply(current.State ?? new EndpointState(name, null, new Dictionary<string, string>(), "key", null, [], now, now), definition, now);
            if (current.State is not null && SameContent(current.State, state))
                return Outcome<EndpointState, (Snapshot<EndpointState>, bool)>.Keep((new(current.State, current.Version), false));
            return Outcome<EndpointState, (Snapshot<EndpointState>, bool)>.Write(state, (new(state, current.Version + 1), !current.Exists));
        }, ifMatch, cancellationToken);
    }

    /// <summary>
    /// Applies a JSON merge patch (RFC 7396) to the endpoint's document
    /// (<c>description</c>, <c>tags</c>, <c>auth_mode</c>, <c>defaults.deployment_name</c>).
    /// </summary>
    public Task<Snapshot<EndpointState>> PatchAsync(string tenant, string name, JsonObject patch, long? ifMatch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<EndpointState, Snapshot<EndpointState>>(IdOf(tenant, name), current =>
        {
            var state = current.State ?? throw NotFound(name);
            var patched = JsonMergePatch.Apply(ToDocument(state), patch) as JsonObject ?? new JsonObject();
            var definition = FromDocument(patched, name);
            var updated = Apply(state, definition, now);
            return SameContent(state, updated)
                ? Outcome<EndpointState, Snapshot<EndpointState>>.Keep(new(state, current.Version))
                : Outcome<EndpointState, Snapshot<EndpointState>>.Write(updated, new(updated, current.Version + 1));
        }, ifMatch, cancellationToken);
    }

    public async Task<Snapshot<EndpointState>> GetAsync(string tenant, string name, CancellationToken cancellationToken = default)
    {
        var current = await runtime.ReadAsync<EndpointState>(IdOf(tenant, name), cancellationToken).ConfigureAwait(false);
        return current.State is { } state ? new(state, current.Version) : throw NotFound(name);
    }

    public Task<Page<Snapshot<EndpointState>>> ListAsync(string tenant, int top, string? continuation, CancellationToken cancellationToken = default) =>
        runtime.QueryAsync<EndpointState, Snapshot<EndpointState>>(new GrainQuery(GrainType, tenant, "", top, continuation),
            (state, record) => new(state, record.Version), cancellationToken);

    /// <summary>Deletes the endpoint and all its deployments (jobs and their outputs stay).</summary>
    public async Task DeleteAsync(string tenant, string name, long? ifMatch, CancellationToken cancellationToken = default)
    {
        await runtime.ExecuteAsync<EndpointState, bool>(IdOf(tenant, name), current =>
            current.Exists ? Outcome<EndpointState, bool>.Delete(true) : throw NotFound(name), ifMatch, cancellationToken).ConfigureAwait(false);

        // Every deployment grain under the endpoint, including any a crashed PUT left unlisted.
        while (true)
        {
            var page = await runtime.Store.QueryAsync(new GrainQuery(DeploymentGrain.GrainType, tenant, name + "/", 100), cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
                break;
            foreach (var record in page.Items)
            {
                await runtime.ExecuteAsync<DeploymentState, bool>(record.Id, _ => Outcome<DeploymentState, bool>.Delete(true),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lists a deployment on the endpoint; makes it the default when asked or when there is none yet. Returns the endpoint.</summary>
    public Task<Snapshot<EndpointState>> AddDeploymentAsync(string tenant, string endpoint, string deployment, bool setDefault, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<EndpointState, Snapshot<EndpointState>>(IdOf(tenant, endpoint), current =>
        {
            var state = current.State ?? throw NotFound(endpoint);
            var listed = state.Deployments.Contains(deployment);
            var makeDefault = setDefault || state.DefaultDeployment is null;
            if (listed && (!makeDefault || state.DefaultDeployment == deployment))
                return Outcome<EndpointState, Snapshot<EndpointState>>.Keep(new(state, current.Version));
            var updated = state with
            {
                Deployments = listed ? state.Deployments : [.. state.Deployments.Append(deployment).Order(StringComparer.Ordinal)],
                DefaultDeployment = makeDefault ? deployment : state.DefaultDeployment,
                UpdatedAt = now,
            };
            return Outcome<EndpointState, Snapshot<EndpointState>>.Write(updated, new(updated, current.Version + 1));
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Removes a deployment from the endpoint's list; 409 <c>DeploymentIsDefault</c> while it is the default.</summary>
    public Task RemoveDeploymentAsync(string tenant, string endpoint, string deployment, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<EndpointState, bool>(IdOf(tenant, endpoint), current =>
        {
            var state = current.State ?? throw NotFound(endpoint);
            if (state.DefaultDeployment == deployment)
                throw DomainException.Conflict("DeploymentIsDefault",
                    $"Deployment '{deployment}' is the default of endpoint '{endpoint}'; switch the default first (PATCH the endpoint with defaults.deployment_name) or delete the endpoint.");
            if (!state.Deployments.Contains(deployment))
                return Outcome<EndpointState, bool>.Keep(false);
            return Outcome<EndpointState, bool>.Write(state with { Deployments = [.. state.Deployments.Where(d => d != deployment)], UpdatedAt = now }, true);
        }, cancellationToken: cancellationToken);
    }

    public static DomainException NotFound(string endpoint) =>
        DomainException.NotFound("EndpointNotFound", $"Endpoint '{endpoint}' does not exist; create it with PUT /v1/endpoints/{endpoint}.");

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
