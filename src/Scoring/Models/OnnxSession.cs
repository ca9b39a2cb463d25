using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// One loaded model: its inputs and outputs and <see cref="Run"/>. ONNX Runtime allows concurrent Run on one
/// session, so workers share it.
/// </summary>
internal sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <exception cref="OnnxRuntimeException">ONNX Runtime could not load the model (its message).</exception>
    /// <param name="runtime">The process's ONNX Runtime.</param>
    /// <param name="modelPath">The model file (also names the model in messages).</param>
    /// <param name="threading">Thread settings.</param>
    /// <param name="modelBytes">The model's bytes when they differ from the file (a rewritten model); null to load the file.</param>
    public OnnxSession(OnnxRuntime runtime, string modelPath, SessionThreading threading, byte[]? modelBytes = null)
    {
        ModelPath = modelPath;
        using (var options = runtime.CreateSessionOptions(threading))
        {
            _session = modelBytes is null ? new InferenceSession(modelPath, options) : new InferenceSession(modelBytes, options);
        }

        try
        {
            _inputNames = [.. _session.InputNames];
            _outputNames = [.. _session.OutputNames];
            Inputs = _inputNames.Select(n => new OnnxValueInfo(n, OnnxTypeDescription.Of(_session.InputMetadata[n]))).ToArray();
            Outputs = _outputNames.Select(n => new OnnxValueInfo(n, OnnxTypeDescription.Of(_session.OutputMetadata[n]))).ToArray();
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public string ModelPath { get; }

    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    public IReadOnlyList<OnnxValueInfo> Outputs { get; }

    public ModelSignature Signature => new(
        Inputs.Select(v => new ValueSpec(v.Name, v.Type.TypeName, v.Type.Shape)).ToArray(),
        Outputs.Select(v => new ValueSpec(v.Name, v.Type.TypeName, v.Type.Shape)).ToArray());

    /// <summary>Runs the model on <paramref name="inputs"/> (one value per model input, in <see cref="Inputs"/> order) and returns every output in <see cref="Outputs"/> order; the caller disposes them.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<OrtValue> inputs, RunOptions options)
    {
        if (inputs.Count != _inputNames.Length)
        {
            throw new ArgumentException($"Model '{ModelPath}' has {_inputNames.Length} inputs; {inputs.Count} values were given.", nameof(inputs));
        }

        return _session.Run(options, _inputNames, inputs, _outputNames);
    }

    public void Dispose() => _session.Dispose();
}
