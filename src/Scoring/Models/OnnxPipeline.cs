using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// An ordered chain of ONNX graphs run as one model (a single model is a chain of one).
/// Wiring rule: each input of step k is taken, by name, from the outputs of the nearest earlier step that
/// has an output of that name; failing that, when step k-1 has exactly one output and step k exactly one
/// input they are connected whatever their names (a fitted scaler's "variable" into a model's "input");
/// any other input becomes an input of the whole pipeline, read from the data like the first step's inputs.
/// The pipeline's outputs are the last step's outputs; outputs of earlier steps are not written out.
/// </summary>
internal sealed partial class OnnxPipeline : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OnnxSession[] _steps;

    // _wiring[step][input] = (source step, output index), source step -1 meaning pipeline input index.
    private readonly (int Step, int Index)[][] _wiring;

    /// <exception cref="OnnxRuntimeException">A step could not be loaded.</exception>
    public OnnxPipeline(OnnxRuntime runtime, IReadOnlyList<string> modelPaths, SessionThreading threading)
    {
        if (modelPaths.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one model.", nameof(modelPaths));
        }

        _runtime = runtime;
        _steps = new OnnxSession[modelPaths.Count];
        try
        {
            for (var i = 0; i < _steps.Length - 1; i++)
            {
                _steps[i] = new OnnxSession(runtime, modelPaths[i], threading);
            }

            (_steps[^1], ZipMaps) = OpenLast(runtime, modelPaths[^1], threading);
        }
        catch
        {
            Dispose();
            throw;
        }

        var inputs = new List<OnnxValueInfo>();
        _wiring = new (int, int)[_steps.Length][];
        for (var s = 0; s < _steps.Length; s++)
        {
            var step = _steps[s];
            _wiring[s] = new (int, int)[step.Inputs.Count];
            for (var i = 0; i < step.Inputs.Count; i++)
            {
                _wiring[s][i] = Wire(s, step.Inputs[i], inputs);
            }
        }

        Inputs = inputs;
    }

    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    /// <summary>Final outputs that were ZipMaps and are fetched as their probability tensors instead (by tensor name).</summary>
    public IReadOnlyDictionary<string, ZipMapOutput> ZipMaps { get; } = new Dictionary<string, ZipMapOutput>();

    public IReadOnlyList<OnnxValueInfo> Outputs => _steps[^1].Outputs;

    public IReadOnlyList<string> ModelPaths => _steps.Select(s => s.ModelPath).ToArray();

    /// <summary>The models' own signatures, in chain order.</summary>
    public IReadOnlyList<ModelSignature> StepSignatures => _steps.Select(s => s.Signature).ToArray();

    /// <summary>
    /// Runs the chain on <paramref name="inputs"/> (in <see cref="Inputs"/> order); returns the last step's outputs,
    /// which the caller disposes. Cancelling <paramref name="cancellationToken"/> stops a running Run
    /// (<see cref="RunOptions.Terminate"/>) and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ResourceLimitExceededException">The Run needed more memory than the process's cap.</exception>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyList<OrtValue> inputs, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new RunOptions();
        using var terminate = cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, options);
        try
        {
            return RunSteps(inputs, options);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Scoring was canceled; ONNX Runtime stopped the running model.", cancellationToken);
        }
        catch (OnnxRuntimeException e) when (IsOutOfMemory(e))
        {
            var cap = _runtime.MaxMemoryBytes / (1024 * 1024);
            throw new ResourceLimitExceededException(
                $"The model needed more memory than the scoring memory cap of {cap} MB allows, so the run was stopped. " +
                $"Use smaller mini-batches, or raise the cap with {OnnxScoringOptions.MaxMemoryVariable} (at most {OnnxRuntime.MaxMemoryLimitMegabytes}).{Refused(e)}", e);
        }
    }

    public void Dispose()
    {
        foreach (var step in _steps)
        {
            step?.Dispose();
        }
    }

    // ONNX Runtime's arena refuses an allocation past max_mem with "Available memory of X is smaller than requested bytes of Y";
    // an allocation the system itself refuses says "Failed to allocate memory".
    private static bool IsOutOfMemory(OnnxRuntimeException e) =>
        e.Message.Contains("Available memory of", StringComparison.Ordinal) || e.Message.Contains("Failed to allocate memory", StringComparison.Ordinal);

    /// <summary>Which node asked for how much, from ONNX Runtime's message (the rest of it names the runtime's own source files).</summary>
    private static string Refused(OnnxRuntimeException e)
    {
        var node = RefusedNode().Match(e.Message);
        var bytes = RefusedBytes().Match(e.Message);
        if (!bytes.Success || !long.TryParse(bytes.Groups["bytes"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requested))
            return "";
        return $" {(node.Success ? $"Its {node.Groups["op"].Value} node" : "One step")} asked for {requested / (1024 * 1024)} MB at once.";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"running (?<op>[A-Za-z0-9_]{1,64}) node")]
    private static partial System.Text.RegularExpressions.Regex RefusedNode();

    [System.Text.RegularExpressions.GeneratedRegex(@"requested bytes of (?<bytes>\d{1,19})")]
    private static partial System.Text.RegularExpressions.Regex RefusedBytes();

    private IDisposableReadOnlyCollection<OrtValue> RunSteps(IReadOnlyList<OrtValue> inputs, RunOptions options)
    {
        if (_steps.Length == 1)
        {
            return _steps[0].Run(inputs, options);
        }

        var produced = new IDisposableReadOnlyCollection<OrtValue>?[_steps.Length - 1];
        try
        {
            for (var s = 0; s < _steps.Length; s++)
            {
                var wiring = _wiring[s];
                var stepInputs = new OrtValue[wiring.Length];
                for (var i = 0; i < wiring.Length; i++)
                {
                    var (step, index) = wiring[i];
                    stepInputs[i] = step < 0 ? inputs[index] : produced[step]![index];
                }

                var outputs = _steps[s].Run(stepInputs, options);
                if (s == _steps.Length - 1)
                {
                    return outputs;
                }

                produced[s] = outputs;
            }

            throw new InvalidOperationException("unreachable");
        }
        finally
        {
            foreach (var values in produced)
            {
                values?.Dispose();
            }
        }
    }

    /// <summary>The last step, with its ZipMap outputs unwrapped when the rewrite applies (else the model as it is).</summary>
    private static (OnnxSession, IReadOnlyDictionary<string, ZipMapOutput>) OpenLast(OnnxRuntime runtime, string path, SessionThreading threading)
    {
        (byte[] Model, ZipMapOutput[] ZipMaps)? unwrapped = null;
        try
        {
            var file = new FileInfo(path);
            if (file.Exists && file.Length < 256 * 1024 * 1024)
            {
                unwrapped = ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(path));
            }
        }
        catch (InvalidDataException)
        {
            // Not a protobuf we can walk: let ONNX Runtime load it and report.
        }

        if (unwrapped is { } rewrite)
        {
            try
            {
                return (new OnnxSession(runtime, path, threading, rewrite.Model), rewrite.ZipMaps.ToDictionary(z => z.TensorName));
            }
            catch (OnnxRuntimeException)
            {
                // E.g. weights in external files, which resolve only relative to the model's path: load it unchanged.
            }
        }

        return (new OnnxSession(runtime, path, threading), new Dictionary<string, ZipMapOutput>());
    }

    private (int Step, int Index) Wire(int stepIndex, OnnxValueInfo input, List<OnnxValueInfo> pipelineInputs)
    {
        for (var earlier = stepIndex - 1; earlier >= 0; earlier--)
        {
            var outputs = _steps[earlier].Outputs;
            for (var o = 0; o < outputs.Count; o++)
            {
                if (outputs[o].Name == input.Name)
                {
                    return (earlier, o);
                }
            }
        }

        if (stepIndex > 0 && _steps[stepIndex - 1].Outputs.Count == 1 && _steps[stepIndex].Inputs.Count == 1)
        {
            return (stepIndex - 1, 0);
        }

        var existing = pipelineInputs.FindIndex(p => p.Name == input.Name);
        if (existing >= 0)
        {
            return (-1, existing);
        }

        pipelineInputs.Add(input);
        return (-1, pipelineInputs.Count - 1);
    }
}
