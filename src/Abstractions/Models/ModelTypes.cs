namespace OrleansBatch.Abstractions.Models;

/// <summary>Model types this platform scores: ONNX graphs (Azure ML's <c>custom_model</c> is accepted when the file is ONNX).</summary>
public static class ModelTypes
{
    public const string Onnx = "onnx";
    public const string CustomModel = "custom_model";

    /// <summary>The lower-case type, or a validation error saying which types are supported.</summary>
    public static string? Normalize(string? type, ValidationErrors errors)
    {
        var value = (type ?? Onnx).Trim().ToLowerInvariant();
        if (value is Onnx or CustomModel)
            return value;
        errors.Add("type", $"'{type}' is not supported: this platform scores ONNX models directly; register the model as type 'onnx' (convert it to ONNX first).");
        return null;
    }
}
