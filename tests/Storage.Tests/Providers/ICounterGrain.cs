using Orleans;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>A test grain that keeps a total in persistent state and counts the ticks of its reminder there.</summary>
[Alias("OrleansBatch.Storage.Tests.Providers.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<int> Add(int amount);

    [Alias("Ticks")]
    Task<int> Ticks();

    [Alias("StartTicking")]
    Task StartTicking(TimeSpan period);

    [Alias("HasTicker")]
    Task<bool> HasTicker();

    [Alias("StopTicking")]
    Task StopTicking();
}
