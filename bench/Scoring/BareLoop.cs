using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Bench.Scoring;

/// <summary>The limit a scorer is measured against: ONNX Runtime Run over tensors built in advance, outputs released unread.</summary>
internal static class BareLoop
{
    public static void Run(OnnxPipeline pipeline, IReadOnlyList<OrtValue> inputs)
    {
        foreach (var value in inputs)
        {
            pipeline.Run([value]).Dispose();
        }
    }
}
