namespace OrleansBatch.Scoring.Native;

/// <summary>Owns the type of a model input or output.</summary>
internal sealed unsafe class OrtTypeInfoHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseTypeInfo);
