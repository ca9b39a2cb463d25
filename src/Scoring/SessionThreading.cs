namespace OrleansBatch.Scoring;

/// <summary>
/// Thread settings of one ONNX Runtime session. The policy: several mini-batch workers run at once in a silo
/// and share one session, so each Run gets <c>max(1, cores / concurrent workers)</c> intra-op threads and the
/// workers together fill the cores without oversubscribing them; inter-op threads are 1 and execution is
/// sequential because the tabular and image models here are chains of small nodes with no parallel branches
/// worth a second pool.
/// </summary>
/// <param name="IntraOpThreads">Threads one Run may use inside an operator (1 = no intra-op pool).</param>
/// <param name="InterOpThreads">Threads running independent nodes in parallel (1 = sequential).</param>
internal sealed record SessionThreading(int IntraOpThreads, int InterOpThreads = 1)
{
    /// <summary>The policy above for <paramref name="concurrentWorkers"/> workers on <paramref name="cores"/> cores.</summary>
    public static SessionThreading ForWorkers(int concurrentWorkers, int cores) =>
        new(Math.Max(1, cores / Math.Max(1, concurrentWorkers)));
}
