using Orleans;
using Orleans.Runtime;
using OrleansBatch.Bench.Providers;

namespace OrleansBatch.Bench.Grains;

/// <summary><see cref="IStateGrain"/> (bench/Providers) with its state in Orleans' Azure Table grain storage (the cluster's), on Azurite.</summary>
[Alias("OrleansBatch.Bench.Grains.IAzureStateGrain")]
public interface IAzureStateGrain : IStateGrain;

/// <summary>State in Orleans' Azure Table grain storage.</summary>
public sealed class AzureStateGrain([PersistentState("state", AzureStateGrain.Provider)] IPersistentState<BenchState> state) : StateGrain(state), IAzureStateGrain
{
    /// <summary>The name the bench silos register Orleans' Azure Table grain storage under.</summary>
    public const string Provider = "azure";
}
