namespace OrleansBatch.Scoring.Native;

/// <summary>Owns a tensor's element type and shape (<c>OrtTensorTypeAndShapeInfo</c>).</summary>
internal sealed unsafe class OrtTensorShapeHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseTensorTypeAndShapeInfo);
