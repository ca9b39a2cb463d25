namespace OrleansBatch.Scoring.Native;

/// <summary>Owns where tensor data lives (CPU here).</summary>
internal sealed unsafe class OrtMemoryInfoHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseMemoryInfo);
