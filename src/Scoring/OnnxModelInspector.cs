using Microsoft.ML.OnnxRuntime;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring;

/// <summary>
/// Loads a model to check it and read its signature, then releases it: an ONNX graph with ONNX Runtime
/// (single-threaded, full optimization), an ML.NET zip (told apart by content, <see cref="ModelFormats"/>) with ML.NET.
/// </summary>
public sealed class OnnxModelInspector(OnnxRuntime runtime) : IModelInspector
{
    /// <inheritdoc />
    public ModelSignature Inspect(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (File.Exists(modelPath) && ModelFormats.Detect(modelPath) == ModelFormats.MlNet)
        {
            return new MlNet.MlNetModel(modelPath).Signature;
        }

        try
        {
            using var session = new OnnxSession(runtime, modelPath, new SessionThreading(1));
            return session.Signature;
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(e.Message, e);
        }
    }
}
