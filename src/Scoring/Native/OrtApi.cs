using System.Runtime.InteropServices;

namespace OrleansBatch.Scoring.Native;

/// <summary>
/// The functions of ONNX Runtime's <c>OrtApi</c> table this project calls, read once at the indexes of
/// <see cref="OrtApiIndex"/>. Opaque ONNX Runtime objects are <see cref="nint"/>; every status-returning
/// call goes through <see cref="Check"/>.
/// </summary>
internal sealed unsafe class OrtApi
{
    public readonly delegate* unmanaged<nint, int> GetErrorCode;
    public readonly delegate* unmanaged<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    public readonly delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionExecutionMode;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged<nint, long*, nuint, int, nint*, nint> CreateTensorAsOrtValue;
    public readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged<nint, byte**, nuint, nint> FillStringTensor;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetStringTensorDataLength;
    public readonly delegate* unmanaged<nint, void*, nuint, nuint*, nuint, nint> GetStringTensorContent;
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged<nint, int*, nint> GetValueType;
    public readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<nint, int, nint, nint*, nint> GetValue;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetValueCount;
    public readonly delegate* unmanaged<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSession;
    public readonly delegate* unmanaged<nint, void> ReleaseValue;
    public readonly delegate* unmanaged<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToMapTypeInfo;
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToSequenceTypeInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetMapKeyType;
    public readonly delegate* unmanaged<nint, nint*, nint> GetMapValueType;
    public readonly delegate* unmanaged<nint, nint*, nint> GetSequenceElementType;

    /// <param name="table">The <c>const OrtApi*</c> that <c>GetApi(<see cref="OrtApiIndex.ApiVersion"/>)</c> returned.</param>
    public OrtApi(nint table)
    {
        var t = (nint*)table;
        GetErrorCode = (delegate* unmanaged<nint, int>)t[OrtApiIndex.GetErrorCode];
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)t[OrtApiIndex.GetErrorMessage];
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)t[OrtApiIndex.CreateEnv];
        CreateSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)t[OrtApiIndex.CreateSession];
        CreateSessionFromArray = (delegate* unmanaged<nint, void*, nuint, nint, nint*, nint>)t[OrtApiIndex.CreateSessionFromArray];
        Run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)t[OrtApiIndex.Run];
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)t[OrtApiIndex.CreateSessionOptions];
        SetSessionExecutionMode = (delegate* unmanaged<nint, int, nint>)t[OrtApiIndex.SetSessionExecutionMode];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)t[OrtApiIndex.SetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)t[OrtApiIndex.SetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)t[OrtApiIndex.SetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.SessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.SessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)t[OrtApiIndex.SessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)t[OrtApiIndex.SessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)t[OrtApiIndex.SessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)t[OrtApiIndex.SessionGetOutputName];
        CreateTensorAsOrtValue = (delegate* unmanaged<nint, long*, nuint, int, nint*, nint>)t[OrtApiIndex.CreateTensorAsOrtValue];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)t[OrtApiIndex.CreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)t[OrtApiIndex.GetTensorMutableData];
        FillStringTensor = (delegate* unmanaged<nint, byte**, nuint, nint>)t[OrtApiIndex.FillStringTensor];
        GetStringTensorDataLength = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.GetStringTensorDataLength];
        GetStringTensorContent = (delegate* unmanaged<nint, void*, nuint, nuint*, nuint, nint>)t[OrtApiIndex.GetStringTensorContent];
        CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged<nint, int*, nint>)t[OrtApiIndex.GetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)t[OrtApiIndex.GetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.GetDimensionsCount];
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)t[OrtApiIndex.GetDimensions];
        GetTensorShapeElementCount = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.GetTensorShapeElementCount];
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.GetTensorTypeAndShape];
        GetValueType = (delegate* unmanaged<nint, int*, nint>)t[OrtApiIndex.GetValueType];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)t[OrtApiIndex.CreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)t[OrtApiIndex.AllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)t[OrtApiIndex.GetAllocatorWithDefaultOptions];
        GetValue = (delegate* unmanaged<nint, int, nint, nint*, nint>)t[OrtApiIndex.GetValue];
        GetValueCount = (delegate* unmanaged<nint, nuint*, nint>)t[OrtApiIndex.GetValueCount];
        ReleaseEnv = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseSession];
        ReleaseValue = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)t[OrtApiIndex.ReleaseSessionOptions];
        CastTypeInfoToMapTypeInfo = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToMapTypeInfo];
        CastTypeInfoToSequenceTypeInfo = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToSequenceTypeInfo];
        GetMapKeyType = (delegate* unmanaged<nint, int*, nint>)t[OrtApiIndex.GetMapKeyType];
        GetMapValueType = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.GetMapValueType];
        GetSequenceElementType = (delegate* unmanaged<nint, nint*, nint>)t[OrtApiIndex.GetSequenceElementType];
    }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> with ONNX Runtime's code and message when <paramref name="status"/> is not null, releasing the status either way.</summary>
    public void Check(nint status)
    {
        if (status == 0)
        {
            return;
        }

        var code = GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, message);
    }
}
