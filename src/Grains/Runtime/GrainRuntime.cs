using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Runtime;

/// <summary>
/// Applies pure commands (state + input -> <see cref="Outcome{TState, TResult}"/>) to records of the query store with
/// optimistic concurrency: read, apply, conditional write, and on a lost race read again and re-apply. Job records,
/// mini-batch results, the job log and the index of live jobs are kept this way beside Orleans grain storage; one
/// job grain owns each job, so races are rare (the gateway's cancel against the owner's progress).
/// </summary>
public sealed class GrainRuntime(IGrainStateStore store, IOptions<GrainRuntimeOptions> options)
{
    /// <summary>How grain state is serialized (one way, everywhere).</summary>
    public static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The store behind the commands, for queries that span records (lists).</summary>
    public IGrainStateStore Store => store;

    /// <summary>
    /// Runs <paramref name="command"/> on record <paramref name="id"/>. When <paramref name="ifMatchVersion"/> is set and
    /// the record is not at that version, throws 412.
    /// </summary>
    public async Task<TResult> ExecuteAsync<TState, TResult>(
        StateKey id, Func<Current<TState>, Outcome<TState, TResult>> command, long? ifMatchVersion = null, CancellationToken cancellationToken = default)
        where TState : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
            if (ifMatchVersion is { } expected && record?.Version != expected)
                throw DomainException.PreconditionFailed(record?.Version, expected);
            var current = new Current<TState>(
                record is null ? null : JsonSerializer.Deserialize<TState>(record.Json, StateJson),
                record?.Version ?? 0,
                record?.UpdatedAt);
            var outcome = command(current);
            try
            {
                switch (outcome.Kind)
                {
                    case OutcomeKind.Write:
                        await store.WriteAsync(id, JsonSerializer.Serialize(outcome.State, StateJson), current.Version + 1, record?.ETag, QueryFieldsOf(outcome.State), cancellationToken).ConfigureAwait(false);
                        break;
                    case OutcomeKind.Delete when record is not null:
                        await store.DeleteAsync(id, record.ETag, cancellationToken).ConfigureAwait(false);
                        break;
                }
                return outcome.Result;
            }
            catch (ConcurrencyConflictException) when (attempt < options.Value.MaxConflictRetries)
            {
                // Another writer was first: re-read and re-apply the (pure) command to the fresher state.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + attempt * 2)), cancellationToken).ConfigureAwait(false);
            }
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
                await store.WriteAsync(id, json, 1, null, QueryFieldsOf(state), cancellationToken).ConfigureAwait(false);
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
        var record = await store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null
            ? new Current<TState>(null, 0, null)
            : new Current<TState>(JsonSerializer.Deserialize<TState>(record.Json, StateJson), record.Version, record.UpdatedAt);
    }

    /// <summary>The query fields an <see cref="IIndexedState"/> is listed by, written with it (so the job list's index moves with the job).</summary>
    private static IReadOnlyList<QueryField>? QueryFieldsOf(object? state) => (state as IIndexedState)?.QueryFields();

    /// <summary>Deserializes a queried record's state.</summary>
    public static TState Deserialize<TState>(GrainStateRecord record) =>
        JsonSerializer.Deserialize<TState>(record.Json, StateJson) ?? throw new InvalidDataException($"Grain {record.Id} has empty state.");
}
