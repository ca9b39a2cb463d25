namespace OrleansBatch.Scoring;

/// <summary>Loads a model file with ONNX Runtime to check it and read its signature (used at registration).</summary>
public interface IModelInspector
{
    /// <summary>Returns the signature; throws <see cref="ModelLoadException"/> with ONNX Runtime's own message when it cannot load the file.</summary>
    ModelSignature Inspect(string modelPath);
}

/// <summary>ONNX Runtime could not load a model; <see cref="Exception.Message"/> is its own message.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
