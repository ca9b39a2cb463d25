using Orleans;
using Orleans.Runtime;
using OrleansBatch.Bench.Providers;

namespace OrleansBatch.Bench.Grains;

/// <summary><see cref="IStateGrain"/> (bench/Providers) with its state in Orleans' Azure Table grain storage, on Azurite.</summary>
[Alias("OrleansBatch.Bench.Grains.IAzureTableStateGrain")]
public interface IAzureTableStateGrain : IStateGrain;

/// <summary><see cref="IStateGrain"/> with its state in Orleans' Azure Blob grain storage (the cluster's), on Azurite.</summary>
[Alias("OrleansBatch.Bench.Grains.IAzureBlobStateGrain")]
public interface IAzureBlobStateGrain : IStateGrain;

/// <summary>State in Orleans' Azure Table grain storage.</summary>
public sealed class AzureTableStateGrain([PersistentState("state", AzureProviders.Table)] IPersistentState<BenchState> state) : StateGrain(state), IAzureTableStateGrain;

/// <summary>State in Orleans' Azure Blob grain storage.</summary>
public sealed class AzureBlobStateGrain([PersistentState("state", AzureProviders.Blob)] IPersistentState<BenchState> state) : StateGrain(state), IAzureBlobStateGrain;

/// <summary>The names the bench silos register Orleans' Azure grain storages under.</summary>
public static class AzureProviders
{
    public const string Table = "azure-table";
    public const string Blob = "azure-blob";
}
