using Orleans;

namespace OrleansBatch.Bench.Providers;

/// <summary>A grain whose every call reads or writes its persistent state through its storage provider.</summary>
[Alias("OrleansBatch.Bench.Providers.IStateGrain")]
public interface IStateGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the value and writes the state (one storage write).</summary>
    [Alias("Write")]
    Task Write(int value);

    /// <summary>Reads the state from storage again (one storage read) and returns the value.</summary>
    [Alias("Read")]
    Task<int> Read();
}

/// <summary><see cref="IStateGrain"/> with its state in our SQLite grain storage.</summary>
[Alias("OrleansBatch.Bench.Providers.ISqliteStateGrain")]
public interface ISqliteStateGrain : IStateGrain;

/// <summary><see cref="IStateGrain"/> with its state in Orleans' in-memory grain storage.</summary>
[Alias("OrleansBatch.Bench.Providers.IMemoryStateGrain")]
public interface IMemoryStateGrain : IStateGrain;
