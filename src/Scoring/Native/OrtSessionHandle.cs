namespace OrleansBatch.Scoring.Native;

/// <summary>Owns a loaded model.</summary>
internal sealed unsafe class OrtSessionHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseSession);
