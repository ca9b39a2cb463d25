namespace OrleansBatch.Scoring.Native;

/// <summary>
/// Positions in ONNX Runtime's <c>OrtApi</c> function table (shared/ort-c-api.md) of every function this
/// binding calls. The table only grows at its end, so these never move; a test pins them.
/// </summary>
internal static class OrtApiIndex
{
    /// <summary>The lowest API version whose table reaches every index below (102-109 came with version 2).</summary>
    public const uint ApiVersion = 2;

    public const int GetErrorCode = 1;
    public const int GetErrorMessage = 2;
    public const int CreateEnv = 3;
    public const int CreateSession = 7;
    public const int CreateSessionFromArray = 8;
    public const int Run = 9;
    public const int CreateSessionOptions = 10;
    public const int SetSessionExecutionMode = 13;
    public const int SetSessionGraphOptimizationLevel = 23;
    public const int SetIntraOpNumThreads = 24;
    public const int SetInterOpNumThreads = 25;
    public const int SessionGetInputCount = 30;
    public const int SessionGetOutputCount = 31;
    public const int SessionGetInputTypeInfo = 33;
    public const int SessionGetOutputTypeInfo = 34;
    public const int SessionGetInputName = 36;
    public const int SessionGetOutputName = 37;
    public const int CreateTensorAsOrtValue = 48;
    public const int CreateTensorWithDataAsOrtValue = 49;
    public const int GetTensorMutableData = 51;
    public const int FillStringTensor = 52;
    public const int GetStringTensorDataLength = 53;
    public const int GetStringTensorContent = 54;
    public const int CastTypeInfoToTensorInfo = 55;
    public const int GetOnnxTypeFromTypeInfo = 56;
    public const int GetTensorElementType = 60;
    public const int GetDimensionsCount = 61;
    public const int GetDimensions = 62;
    public const int GetTensorShapeElementCount = 64;
    public const int GetTensorTypeAndShape = 65;
    public const int GetValueType = 67;
    public const int CreateCpuMemoryInfo = 69;
    public const int AllocatorFree = 76;
    public const int GetAllocatorWithDefaultOptions = 78;
    public const int GetValue = 80;
    public const int GetValueCount = 81;
    public const int ReleaseEnv = 92;
    public const int ReleaseStatus = 93;
    public const int ReleaseMemoryInfo = 94;
    public const int ReleaseSession = 95;
    public const int ReleaseValue = 96;
    public const int ReleaseTypeInfo = 98;
    public const int ReleaseTensorTypeAndShapeInfo = 99;
    public const int ReleaseSessionOptions = 100;
    public const int CastTypeInfoToMapTypeInfo = 103;
    public const int CastTypeInfoToSequenceTypeInfo = 104;
    public const int GetMapKeyType = 105;
    public const int GetMapValueType = 106;
    public const int GetSequenceElementType = 107;
}
