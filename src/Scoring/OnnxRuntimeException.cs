namespace OrleansBatch.Scoring;

/// <summary>An ONNX Runtime call failed; <see cref="Exception.Message"/> is ONNX Runtime's own message.</summary>
/// <param name="code">ONNX Runtime's <c>OrtErrorCode</c> (2 invalid argument, 3 no such file, 7 invalid protobuf, ...).</param>
/// <param name="message">ONNX Runtime's message.</param>
public sealed class OnnxRuntimeException(int code, string message) : Exception(message)
{
    /// <summary>ONNX Runtime's <c>OrtErrorCode</c>.</summary>
    public int Code { get; } = code;

    /// <summary>The name of <see cref="Code"/> in ONNX Runtime's header (e.g. <c>INVALID_PROTOBUF</c>).</summary>
    public string CodeName => Code switch
    {
        0 => "OK",
        1 => "FAIL",
        2 => "INVALID_ARGUMENT",
        3 => "NO_SUCHFILE",
        4 => "NO_MODEL",
        5 => "ENGINE_ERROR",
        6 => "RUNTIME_EXCEPTION",
        7 => "INVALID_PROTOBUF",
        8 => "MODEL_LOADED",
        9 => "NOT_IMPLEMENTED",
        10 => "INVALID_GRAPH",
        11 => "EP_FAIL",
        _ => "ORT_" + Code,
    };
}
