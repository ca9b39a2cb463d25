namespace OrleansBatch.Grains;

/// <summary>Names of the Orleans providers the grains use; the silo registers one of each for its hosting mode.</summary>
public static class StorageNames
{
    /// <summary>The grain storage of every stateful grain.</summary>
    public const string Grains = "grains";
}
