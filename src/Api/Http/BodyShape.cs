using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansBatch.Api.Contracts;

namespace OrleansBatch.Api.Http;

/// <summary>
/// The keys a request body may hold, as a tree: an object with known <see cref="Keys"/> (each with the shape
/// of its value, null when the value is not checked further), or a map whose keys are free and whose values
/// have the shape <see cref="Values"/>. Arrays take the shape of their items. Built from a contract type's
/// JSON metadata (<see cref="Of"/>), so a field added to a contract is accepted at once.
/// </summary>
internal sealed record BodyShape(IReadOnlyDictionary<string, BodyShape?>? Keys, BodyShape? Values = null)
{
    private static readonly ConcurrentDictionary<Type, BodyShape?> Cache = new();

    /// <summary>A model given as an object (<c>{name, version}</c>, or Azure ML's inline <c>{name, path, ...}</c>).</summary>
    public static readonly BodyShape ModelObject = Object("$schema", "name", "version", "path", "type", "description", "tags", "properties");

    /// <summary>Azure ML's <c>code_configuration</c>.</summary>
    public static readonly BodyShape CodeConfiguration = Object("code", "scoring_script");

    /// <summary>An object with exactly these keys, none checked further.</summary>
    public static BodyShape Object(params string[] keys) =>
        new(keys.ToDictionary(k => k, _ => (BodyShape?)null, StringComparer.OrdinalIgnoreCase));

    /// <summary>An object with these keys and shapes.</summary>
    public static BodyShape Object(params (string Key, BodyShape? Shape)[] keys) =>
        new(keys.ToDictionary(k => k.Key, k => k.Shape, StringComparer.OrdinalIgnoreCase));

    /// <summary>A map with free keys whose values have <paramref name="values"/>'s shape.</summary>
    public static BodyShape Map(BodyShape values) => new(null, values);

    /// <summary>
    /// Request contracts whose resource can be written back as read (GET, edit, PUT): the response's read-only keys
    /// (<c>version</c>, <c>created_at</c>, <c>scoring_uri</c>, ...) are accepted and ignored there.
    /// </summary>
    private static readonly Dictionary<Type, Type> ReadBack = new()
    {
        [typeof(EndpointRequest)] = typeof(EndpointResponse),
        [typeof(DeploymentRequest)] = typeof(DeploymentResponse),
        [typeof(DataVersionRequest)] = typeof(DataVersionResponse),
    };

    /// <summary>The shape of the contract <paramref name="type"/>; null when it does not constrain keys (strings, maps of scalars, free JSON).</summary>
    public static BodyShape? Of(Type type) => Cache.GetOrAdd(type, t => ReadBack.TryGetValue(t, out var response) ? Merge(Build(t), Build(response)) : Build(t));

    /// <summary>Both shapes' keys; where both know a key, both shapes of its value.</summary>
    private static BodyShape? Merge(BodyShape? a, BodyShape? b)
    {
        if (a?.Keys is null || b?.Keys is null)
            return a ?? b;
        var keys = new Dictionary<string, BodyShape?>(a.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, shape) in b.Keys)
            keys[key] = keys.TryGetValue(key, out var mine) ? Merge(mine, shape) : shape;
        return new BodyShape(keys);
    }

    private static BodyShape? Build(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement) || type.IsPrimitive || type == typeof(string))
            return null;
        var info = ApiJson.Options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => new BodyShape(info.Properties.ToDictionary(p => p.Name, Property, StringComparer.OrdinalIgnoreCase)),
            JsonTypeInfoKind.Dictionary => Of(info.ElementType!) is { } values ? Map(values) : null,
            JsonTypeInfoKind.Enumerable => Of(info.ElementType!),
            _ => null,
        };
    }

    /// <summary>Free-form properties (<see cref="JsonElement"/>) of known meaning get a shape of their own.</summary>
    private static BodyShape? Property(JsonPropertyInfo property) => property.Name switch
    {
        "model" when IsFree(property.PropertyType) => ModelObject,
        "code_configuration" when IsFree(property.PropertyType) => CodeConfiguration,
        _ => Of(property.PropertyType),
    };

    private static bool IsFree(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(JsonElement);
}
