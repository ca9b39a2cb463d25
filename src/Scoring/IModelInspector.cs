namespace OrleansBatch.Scoring;

/// <summary>Loads a model file (ONNX with ONNX Runtime, an ML.NET zip with ML.NET) to check it and read its signature (used at registration).</summary>
public interface IModelInspector
{
    /// <summary>Returns the signature (with its <see cref="ModelSignature.Format"/>); throws <see cref="ModelLoadException"/> with ONNX Runtime's (or ML.NET's) own message when it cannot load the file.</summary>
    ModelSignature Inspect(string modelPath);
}

/// <summary>ONNX Runtime (or ML.NET) could not load a model; <see cref="Exception.Message"/> is its own message.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
