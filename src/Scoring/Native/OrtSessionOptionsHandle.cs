namespace OrleansBatch.Scoring.Native;

/// <summary>Owns session options (threads, optimization level).</summary>
internal sealed unsafe class OrtSessionOptionsHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseSessionOptions);
