using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Native;

namespace OrleansBatch.Bench.Scoring;

/// <summary>The limit a scorer is measured against: ONNX Runtime Run over tensors built in advance, outputs released unread.</summary>
internal static class BareLoop
{
    public static void Run(OnnxPipeline pipeline, IReadOnlyList<OrtValueHandle> inputs)
    {
        foreach (var value in inputs)
        {
            foreach (var output in pipeline.Run([value.DangerousGetHandle()]))
            {
                output.Dispose();
            }
        }
    }
}
