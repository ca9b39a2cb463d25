using System.Text.Json;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Runtime;

/// <summary>
/// The one activation of a grain in this silo: its calls run one at a time (a turn). State is read
/// from the store at the start of every turn, because another silo may have written it; the store's
/// etag arbitrates every write.
/// </summary>
internal sealed class GrainActivation(StateKey id, IGrainStateStore store, GrainRuntimeOptions options, TimeProvider time)
{
    private const int Deactivated = -1;

    private readonly SemaphoreSlim _turn = new(1, 1);

    private long _lastUsedTicks = time.GetTimestamp();

    // Callers inside or queued for a turn; Deactivated once dropped, after which nobody may enter.
    private int _callers;

    public StateKey Id { get; } = id;

    /// <summary>
    /// Registers a caller; false when the activation was dropped meanwhile (the caller then needs a new one).
    /// Entering and deactivating are one compare-and-swap each, so a caller can never run on a dropped
    /// activation while a second activation of the same grain runs turns beside it.
    /// </summary>
    public bool TryEnter()
    {
        while (true)
        {
            var callers = Volatile.Read(ref _callers);
            if (callers == Deactivated)
                return false;
            if (Interlocked.CompareExchange(ref _callers, callers + 1, callers) == callers)
                return true;
        }
    }

    /// <summary>Marks the activation dropped when it has no callers and has been unused longer than the idle timeout.</summary>
    public bool TryDeactivate(long nowTicks) =>
        Volatile.Read(ref _callers) == 0
        && time.GetElapsedTime(Volatile.Read(ref _lastUsedTicks), nowTicks) > options.IdleTimeout
        && Interlocked.CompareExchange(ref _callers, Deactivated, 0) == 0;

    /// <summary>Runs one turn for a caller that has <see cref="TryEnter">entered</see>.</summary>
    public async Task<TResult> RunAsync<TState, TResult>(
        Func<Current<TState>, Outcome<TState, TResult>> command, long? ifMatchVersion, JsonSerializerOptions json, CancellationToken cancellationToken)
        where TState : class
    {
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ApplyAsync(command, ifMatchVersion, json, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _lastUsedTicks, time.GetTimestamp());
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _callers);
        }
    }

    private async Task<TResult> ApplyAsync<TState, TResult>(
        Func<Current<TState>, Outcome<TState, TResult>> command, long? ifMatchVersion, JsonSerializerOptions json, CancellationToken cancellationToken)
        where TState : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.ReadAsync(Id, cancellationToken).ConfigureAwait(false);
            if (ifMatchVersion is { } expected && record?.Version != expected)
                throw DomainException.PreconditionFailed(record?.Version, expected);

            var current = new Current<TState>(
                record is null ? null : JsonSerializer.Deserialize<TState>(record.Json, json),
                record?.Version ?? 0,
                record?.UpdatedAt);
            var outcome = command(current);
            try
            {
                switch (outcome.Kind)
                {
                    case OutcomeKind.Write:
                        await store.WriteAsync(Id, JsonSerializer.Serialize(outcome.State, json), current.Version + 1, record?.ETag, cancellationToken).ConfigureAwait(false);
                        break;
                    case OutcomeKind.Delete when record is not null:
                        await store.DeleteAsync(Id, record.ETag, cancellationToken).ConfigureAwait(false);
                        break;
                }
                return outcome.Result;
            }
            catch (ConcurrencyConflictException) when (attempt < options.MaxConflictRetries)
            {
                // Another silo wrote first: re-read and re-apply the (pure) command to the fresher state.
                // With If-Match the next read turns the lost race into 412.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + attempt * 2)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
