using Orleans;
using Orleans.Runtime;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>Keeps its state in the "grains" storage provider; its reminder "tick" adds one to the persisted tick count.</summary>
public sealed class CounterGrain([PersistentState("counter", CounterGrain.StorageName)] IPersistentState<CounterState> state) : Grain, ICounterGrain, IRemindable
{
    public const string StorageName = "grains";
    private const string Ticker = "tick";

    public async Task<int> Add(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task<int> Ticks() => Task.FromResult(state.State.Ticks);

    public Task StartTicking(TimeSpan period) => this.RegisterOrUpdateReminder(Ticker, period, period);

    public async Task<bool> HasTicker() => await this.GetReminder(Ticker) is not null;

    public async Task StopTicking()
    {
        if (await this.GetReminder(Ticker) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
