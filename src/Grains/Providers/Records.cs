using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Providers;

/// <summary>
/// Typed JSON records of the query store (<see cref="IGrainStateStore"/>) that are not grain state: mini-batch results
/// (written once, first write wins), the index of live jobs, idempotency keys, and the copies of grain state that
/// lists read. A change is a pure command (state + input -> <see cref="Outcome{TState, TResult}"/>) applied with
/// optimistic concurrency: read, apply, conditional write, and on a lost race read again and re-apply.
/// </summary>
public sealed class Records(IGrainStateStore store, IOptions<RecordsOptions> options)
{
    /// <summary>How records and grain state are serialized (one way, everywhere).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
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
                record is null ? null : JsonSerializer.Deserialize<TState>(record.Json, Json),
                record?.Version ?? 0,
                record?.UpdatedAt);
            var outcome = command(current);
            try
            {
                switch (outcome.Kind)
                {
                    case OutcomeKind.Write:
                        await store.WriteAsync(id, JsonSerializer.Serialize(outcome.State, Json), current.Version + 1, record?.ETag, cancellationToken).ConfigureAwait(false);
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
    /// Creates a record if there is none, in one conditional write (no read first), for state written once
    /// such as a mini-batch's result; returns the stored state: <paramref name="state"/>, or the state another
    /// writer created first (the first write wins).
    /// </summary>
    public async Task<TState> CreateFirstAsync<TState>(StateKey id, TState state, CancellationToken cancellationToken = default) where TState : class
    {
        var json = JsonSerializer.Serialize(state, Json);
        while (true)
        {
            try
            {
                await store.WriteAsync(id, json, 1, null, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads a record (a consistent snapshot from the store).</summary>
    public async Task<Current<TState>> ReadAsync<TState>(StateKey id, CancellationToken cancellationToken = default) where TState : class
    {
        var record = await store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null
            ? new Current<TState>(null, 0, null)
            : new Current<TState>(JsonSerializer.Deserialize<TState>(record.Json, Json), record.Version, record.UpdatedAt);
    }

    /// <summary>Deserializes a queried record's state.</summary>
    public static TState Deserialize<TState>(GrainStateRecord record) =>
        JsonSerializer.Deserialize<TState>(record.Json, Json) ?? throw new InvalidDataException($"Grain {record.Id} has empty state.");
}
