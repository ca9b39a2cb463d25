namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>The state of <see cref="CounterGrain"/>, stored by the System.Text.Json grain-storage serializer.</summary>
public sealed class CounterState
{
    public int Total { get; set; }

    public int Ticks { get; set; }
}
