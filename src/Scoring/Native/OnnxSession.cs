using System.Runtime.InteropServices;

namespace OrleansBatch.Scoring.Native;

/// <summary>
/// One loaded model: its inputs and outputs and <see cref="Run"/>. <c>Run</c> is safe to call from several
/// threads at once (ONNX Runtime allows concurrent Run on one session), so workers share a session.
/// Disposing releases the native session and the native copies of the input/output names.
/// </summary>
internal sealed unsafe class OnnxSession : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OrtSessionHandle _session;
    private readonly nint[] _inputNames;
    private readonly nint[] _outputNames;

    /// <exception cref="OnnxRuntimeException">ONNX Runtime could not load the model (its message).</exception>
    /// <param name="runtime">The process's ONNX Runtime.</param>
    /// <param name="modelPath">The model file (also names the model in messages).</param>
    /// <param name="threading">Thread settings.</param>
    /// <param name="modelBytes">The model's bytes when they differ from the file (a rewritten model); null to load the file.</param>
    public OnnxSession(OnnxRuntime runtime, string modelPath, SessionThreading threading, byte[]? modelBytes = null)
    {
        _runtime = runtime;
        var api = runtime.Api;
        ModelPath = modelPath;

        nint optionsPtr;
        api.Check(api.CreateSessionOptions(&optionsPtr));
        using var options = new OrtSessionOptionsHandle(api, optionsPtr);
        api.Check(api.SetSessionGraphOptimizationLevel(optionsPtr, 99 /* ORT_ENABLE_ALL */));
        api.Check(api.SetIntraOpNumThreads(optionsPtr, threading.IntraOpThreads));
        api.Check(api.SetInterOpNumThreads(optionsPtr, threading.InterOpThreads));
        api.Check(api.SetSessionExecutionMode(optionsPtr, 0 /* ORT_SEQUENTIAL */));

        _session = new OrtSessionHandle(api, modelBytes is null ? Open(api, runtime.Env, modelPath, optionsPtr) : OpenBytes(api, runtime.Env, modelBytes, optionsPtr));
        try
        {
            var session = _session.DangerousGetHandle();
            (Inputs, _inputNames) = ReadValues(session, input: true);
            (Outputs, _outputNames) = ReadValues(session, input: false);
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
    public OrtValueHandle[] Run(ReadOnlySpan<nint> inputs)
    {
        if (inputs.Length != _inputNames.Length)
        {
            throw new ArgumentException($"Model '{ModelPath}' has {_inputNames.Length} inputs; {inputs.Length} values were given.", nameof(inputs));
        }

        var api = _runtime.Api;
        var outputs = stackalloc nint[_outputNames.Length];
        var added = false;
        _session.DangerousAddRef(ref added);
        try
        {
            fixed (nint* inputNames = _inputNames)
            fixed (nint* outputNames = _outputNames)
            fixed (nint* inputValues = inputs)
            {
                api.Check(api.Run(
                    _session.DangerousGetHandle(), 0, inputNames, inputValues, (nuint)inputs.Length,
                    outputNames, (nuint)_outputNames.Length, outputs));
            }
        }
        finally
        {
            _session.DangerousRelease();
        }

        var result = new OrtValueHandle[_outputNames.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new OrtValueHandle(api, outputs[i]);
        }

        return result;
    }

    public void Dispose()
    {
        if (_session.IsClosed)
        {
            return;
        }

        _session.Dispose();
        foreach (var name in _inputNames.Concat(_outputNames))
        {
            _runtime.Api.Check(_runtime.Api.AllocatorFree(_runtime.DefaultAllocator, (void*)name));
        }
    }

    private static nint Open(OrtApi api, nint env, string modelPath, nint options)
    {
        nint session;
        if (OperatingSystem.IsWindows())
        {
            // ORTCHAR_T is wchar_t on Windows.
            fixed (char* path = modelPath)
            {
                api.Check(api.CreateSession(env, (byte*)path, options, &session));
            }
        }
        else
        {
            var path = Marshal.StringToCoTaskMemUTF8(modelPath);
            try
            {
                api.Check(api.CreateSession(env, (byte*)path, options, &session));
            }
            finally
            {
                Marshal.FreeCoTaskMem(path);
            }
        }

        return session;
    }

    private static nint OpenBytes(OrtApi api, nint env, byte[] model, nint options)
    {
        nint session;
        fixed (byte* data = model)
        {
            api.Check(api.CreateSessionFromArray(env, data, (nuint)model.Length, options, &session));
        }

        return session;
    }

    private (OnnxValueInfo[] Values, nint[] Names) ReadValues(nint session, bool input)
    {
        var api = _runtime.Api;
        nuint count;
        api.Check(input ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count));
        var values = new OnnxValueInfo[(int)count];
        var names = new nint[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(input
                ? api.SessionGetInputName(session, i, _runtime.DefaultAllocator, &name)
                : api.SessionGetOutputName(session, i, _runtime.DefaultAllocator, &name));
            names[(int)i] = (nint)name;

            nint typeInfo;
            api.Check(input
                ? api.SessionGetInputTypeInfo(session, i, &typeInfo)
                : api.SessionGetOutputTypeInfo(session, i, &typeInfo));
            using var owned = new OrtTypeInfoHandle(api, typeInfo);
            values[(int)i] = new OnnxValueInfo(Marshal.PtrToStringUTF8((nint)name)!, OrtTypeReader.Describe(api, typeInfo));
        }

        return (values, names);
    }
}
