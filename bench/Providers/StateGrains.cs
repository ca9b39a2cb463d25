using Orleans;
using Orleans.Runtime;

namespace OrleansBatch.Bench.Providers;

/// <summary>The grain logic, the same for every provider; the subclasses only name the provider.</summary>
public abstract class StateGrain(IPersistentState<BenchState> state) : Grain, IStateGrain
{
    public Task Write(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public async Task<int> Read()
    {
        await state.ReadStateAsync();
        return state.State.Value;
    }
}

/// <summary>State in our SQLite grain storage.</summary>
public sealed class SqliteStateGrain([PersistentState("state", Providers.Sqlite)] IPersistentState<BenchState> state) : StateGrain(state), ISqliteStateGrain;

/// <summary>State in Orleans' in-memory grain storage.</summary>
public sealed class MemoryStateGrain([PersistentState("state", Providers.Memory)] IPersistentState<BenchState> state) : StateGrain(state), IMemoryStateGrain;

/// <summary>The storage provider names the bench silo registers.</summary>
public static class Providers
{
    public const string Sqlite = "sqlite";
    public const string Memory = "memory";
}
