using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Runtime;

/// <summary>
/// The grain runtime of one silo: keeps one activation per grain, runs each grain's calls one at a
/// time, and drops idle activations. Cross-silo consistency comes from the store's conditional writes.
/// </summary>
public sealed class GrainRuntime : IAsyncDisposable
{
    /// <summary>How grain state is serialized (one way, everywhere).</summary>
    public static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ConcurrentDictionary<StateKey, GrainActivation> _activations = new();
    private readonly IGrainStateStore _store;
    private readonly GrainRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public GrainRuntime(IGrainStateStore store, IOptions<GrainRuntimeOptions> options, TimeProvider time)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        var period = _options.IdleTimeout < TimeSpan.FromSeconds(30) ? _options.IdleTimeout : TimeSpan.FromSeconds(30);
        _sweeper = time.CreateTimer(_ => DropIdle(), null, period, period);
    }

    /// <summary>The store behind the runtime, for queries that span grains (lists).</summary>
    public IGrainStateStore Store => _store;

    /// <summary>Number of live activations (for metrics and tests).</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>
    /// Runs <paramref name="command"/> as one turn of grain <paramref name="id"/>. When
    /// <paramref name="ifMatchVersion"/> is set and the grain is not at that version, throws 412.
    /// </summary>
    public Task<TResult> ExecuteAsync<TState, TResult>(
        StateKey id, Func<Current<TState>, Outcome<TState, TResult>> command, long? ifMatchVersion = null, CancellationToken cancellationToken = default)
        where TState : class
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(id, static (key, self) => new GrainActivation(key, self._store, self._options, self._time), this);
            if (activation.TryEnter())
                return activation.RunAsync(command, ifMatchVersion, StateJson, cancellationToken);
            // Dropped between lookup and entry: make sure it is gone, then take (or create) the current one.
            _activations.TryRemove(new KeyValuePair<StateKey, GrainActivation>(id, activation));
        }
    }

    /// <summary>
    /// Creates a grain's state if it has none, in one conditional write (no read first), for state written once
    /// such as a mini-batch's result; returns the stored state: <paramref name="state"/>, or the state another
    /// writer created first (the first write wins).
    /// </summary>
    public async Task<TState> CreateFirstAsync<TState>(StateKey id, TState state, CancellationToken cancellationToken = default) where TState : class
    {
        var json = JsonSerializer.Serialize(state, StateJson);
        while (true)
        {
            try
            {
                await _store.WriteAsync(id, json, 1, null, cancellationToken).ConfigureAwait(false);
                return state;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone was first; read theirs (unless it was deleted since: then try again).
                if ((await ReadAsync<TState>(id, cancellationToken).ConfigureAwait(false)).State is { } first)
                    return first;
            }
        }
    }

    /// <summary>Reads a grain's state without taking a turn (a consistent snapshot from the store).</summary>
    public async Task<Current<TState>> ReadAsync<TState>(StateKey id, CancellationToken cancellationToken = default) where TState : class
    {
        var record = await _store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null
            ? new Current<TState>(null, 0, null)
            : new Current<TState>(JsonSerializer.Deserialize<TState>(record.Json, StateJson), record.Version, record.UpdatedAt);
    }

    /// <summary>Deserializes a queried record's state.</summary>
    public static TState Deserialize<TState>(GrainStateRecord record) =>
        JsonSerializer.Deserialize<TState>(record.Json, StateJson) ?? throw new InvalidDataException($"Grain {record.Id} has empty state.");

    private void DropIdle()
    {
        var now = _time.GetTimestamp();
        foreach (var (id, activation) in _activations)
        {
            if (activation.TryDeactivate(now))
                _activations.TryRemove(new KeyValuePair<StateKey, GrainActivation>(id, activation));
        }
    }

    public ValueTask DisposeAsync() => _sweeper.DisposeAsync();
}
