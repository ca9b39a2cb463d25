namespace OrleansBatch.Abstractions;

/// <summary>Collects per-field messages so that one response lists every problem of a request, not only the first.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public bool HasPrefix(string prefix) => _errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Throws 400 <c>ValidationFailed</c> when anything was added.</summary>
    public void ThrowIfAny()
    {
        if (Any)
            throw DomainException.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
