namespace OrleansBatch.Scoring.Native;

/// <summary>Owns an environment (logging, global state); one per process.</summary>
internal sealed unsafe class OrtEnvHandle(OrtApi api, nint handle) : OrtHandle(handle, api.ReleaseEnv);
