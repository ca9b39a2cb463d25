namespace OrleansBatch.Scoring;

/// <summary>The model formats scored here, told apart by their content (an ML.NET model is a zip archive, an ONNX model a protobuf).</summary>
public static class ModelFormats
{
    /// <summary>An ONNX graph, scored by ONNX Runtime.</summary>
    public const string Onnx = "onnx";

    /// <summary>An ML.NET model (<c>.zip</c> from <c>mlContext.Model.Save</c>), scored by ML.NET.</summary>
    public const string MlNet = "mlnet";

    /// <summary>ML.NET's default label column: in an ML.NET model's input schema, but absent from scoring data (fed as missing).</summary>
    public const string MlNetLabel = "Label";

    /// <summary><see cref="MlNet"/> when the file starts as a zip archive does (<c>PK\x03\x04</c>), else <see cref="Onnx"/>.</summary>
    public static string Detect(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8) ? MlNet : Onnx;
    }
}
