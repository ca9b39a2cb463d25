using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain;

/// <summary>
/// What a command decided, given the current state: keep the state as it is, replace it, or delete the grain;
/// and the value to return. Commands are pure (state + input -> outcome), so the runtime may apply one
/// again to fresher state after losing a write race.
/// </summary>
public readonly record struct Outcome<TState, TResult>(OutcomeKind Kind, TState? State, TResult Result)
    where TState : class
{
    public static Outcome<TState, TResult> Keep(TResult result) => new(OutcomeKind.Keep, null, result);
    public static Outcome<TState, TResult> Write(TState state, TResult result) => new(OutcomeKind.Write, state, result);
    public static Outcome<TState, TResult> Delete(TResult result) => new(OutcomeKind.Delete, null, result);
}

/// <summary>Kinds of <see cref="Outcome{TState, TResult}"/>.</summary>
public enum OutcomeKind { Keep, Write, Delete }

/// <summary>The state a command sees: null <see cref="State"/> when the grain has none yet; <see cref="Version"/> 0 then.</summary>
public sealed record Current<TState>(TState? State, long Version, DateTimeOffset? UpdatedAt) where TState : class
{
    public bool Exists => State is not null;
}
