namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>Starts many contenders on pool threads and releases them together, so their calls really overlap.</summary>
public static class Race
{
    public static async Task<T[]> RunAsync<T>(int contenders, Func<int, Task<T>> attempt)
    {
        using var go = new ManualResetEventSlim();
        var running = Enumerable.Range(0, contenders).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await attempt(i);
        })).ToArray();
        go.Set();
        return await Task.WhenAll(running);
    }

    /// <summary>Like <see cref="RunAsync{T}(int, Func{int, Task{T}})"/>; a contender that loses with <typeparamref name="TLoss"/> yields null.</summary>
    public static Task<string?[]> RunOrLoseAsync<TLoss>(int contenders, Func<int, Task<string>> attempt) where TLoss : Exception =>
        RunAsync(contenders, async i =>
        {
            try
            {
                return (string?)await attempt(i);
            }
            catch (TLoss)
            {
                return null;
            }
        });
}
