using System.Reflection;
using OrleansBatch.Scoring.Native;

namespace OrleansBatch.Scoring.Tests.Native;

public sealed class OrtApiIndexTests
{
    /// <summary>The OrtApi table as documented in shared/ort-c-api.md (ONNX Runtime's header order).</summary>
    private static readonly Dictionary<string, int> Documented = new()
    {
        ["CreateStatus"] = 0,
        ["GetErrorCode"] = 1,
        ["GetErrorMessage"] = 2,
        ["CreateEnv"] = 3,
        ["CreateEnvWithCustomLogger"] = 4,
        ["EnableTelemetryEvents"] = 5,
        ["DisableTelemetryEvents"] = 6,
        ["CreateSession"] = 7,
        ["CreateSessionFromArray"] = 8,
        ["Run"] = 9,
        ["CreateSessionOptions"] = 10,
        ["SetOptimizedModelFilePath"] = 11,
        ["CloneSessionOptions"] = 12,
        ["SetSessionExecutionMode"] = 13,
        ["EnableProfiling"] = 14,
        ["DisableProfiling"] = 15,
        ["EnableMemPattern"] = 16,
        ["DisableMemPattern"] = 17,
        ["EnableCpuMemArena"] = 18,
        ["DisableCpuMemArena"] = 19,
        ["SetSessionLogId"] = 20,
        ["SetSessionLogVerbosityLevel"] = 21,
        ["SetSessionLogSeverityLevel"] = 22,
        ["SetSessionGraphOptimizationLevel"] = 23,
        ["SetIntraOpNumThreads"] = 24,
        ["SetInterOpNumThreads"] = 25,
        ["CreateCustomOpDomain"] = 26,
        ["CustomOpDomain_Add"] = 27,
        ["AddCustomOpDomain"] = 28,
        ["RegisterCustomOpsLibrary"] = 29,
        ["SessionGetInputCount"] = 30,
        ["SessionGetOutputCount"] = 31,
        ["SessionGetOverridableInitializerCount"] = 32,
        ["SessionGetInputTypeInfo"] = 33,
        ["SessionGetOutputTypeInfo"] = 34,
        ["SessionGetOverridableInitializerTypeInfo"] = 35,
        ["SessionGetInputName"] = 36,
        ["SessionGetOutputName"] = 37,
        ["SessionGetOverridableInitializerName"] = 38,
        ["CreateRunOptions"] = 39,
        ["RunOptionsSetRunLogVerbosityLevel"] = 40,
        ["RunOptionsSetRunLogSeverityLevel"] = 41,
        ["RunOptionsSetRunTag"] = 42,
        ["RunOptionsGetRunLogVerbosityLevel"] = 43,
        ["RunOptionsGetRunLogSeverityLevel"] = 44,
        ["RunOptionsGetRunTag"] = 45,
        ["RunOptionsSetTerminate"] = 46,
        ["RunOptionsUnsetTerminate"] = 47,
        ["CreateTensorAsOrtValue"] = 48,
        ["CreateTensorWithDataAsOrtValue"] = 49,
        ["IsTensor"] = 50,
        ["GetTensorMutableData"] = 51,
        ["FillStringTensor"] = 52,
        ["GetStringTensorDataLength"] = 53,
        ["GetStringTensorContent"] = 54,
        ["CastTypeInfoToTensorInfo"] = 55,
        ["GetOnnxTypeFromTypeInfo"] = 56,
        ["CreateTensorTypeAndShapeInfo"] = 57,
        ["SetTensorElementType"] = 58,
        ["SetDimensions"] = 59,
        ["GetTensorElementType"] = 60,
        ["GetDimensionsCount"] = 61,
        ["GetDimensions"] = 62,
        ["GetSymbolicDimensions"] = 63,
        ["GetTensorShapeElementCount"] = 64,
        ["GetTensorTypeAndShape"] = 65,
        ["GetTypeInfo"] = 66,
        ["GetValueType"] = 67,
        ["CreateMemoryInfo"] = 68,
        ["CreateCpuMemoryInfo"] = 69,
        ["CompareMemoryInfo"] = 70,
        ["MemoryInfoGetName"] = 71,
        ["MemoryInfoGetId"] = 72,
        ["MemoryInfoGetMemType"] = 73,
        ["MemoryInfoGetType"] = 74,
        ["AllocatorAlloc"] = 75,
        ["AllocatorFree"] = 76,
        ["AllocatorGetInfo"] = 77,
        ["GetAllocatorWithDefaultOptions"] = 78,
        ["AddFreeDimensionOverride"] = 79,
        ["GetValue"] = 80,
        ["GetValueCount"] = 81,
        ["CreateValue"] = 82,
        ["CreateOpaqueValue"] = 83,
        ["GetOpaqueValue"] = 84,
        ["KernelInfoGetAttribute_float"] = 85,
        ["KernelInfoGetAttribute_int64"] = 86,
        ["KernelInfoGetAttribute_string"] = 87,
        ["KernelContext_GetInputCount"] = 88,
        ["KernelContext_GetOutputCount"] = 89,
        ["KernelContext_GetInput"] = 90,
        ["KernelContext_GetOutput"] = 91,
        ["ReleaseEnv"] = 92,
        ["ReleaseStatus"] = 93,
        ["ReleaseMemoryInfo"] = 94,
        ["ReleaseSession"] = 95,
        ["ReleaseValue"] = 96,
        ["ReleaseRunOptions"] = 97,
        ["ReleaseTypeInfo"] = 98,
        ["ReleaseTensorTypeAndShapeInfo"] = 99,
        ["ReleaseSessionOptions"] = 100,
        ["ReleaseCustomOpDomain"] = 101,
        ["GetDenotationFromTypeInfo"] = 102,
        ["CastTypeInfoToMapTypeInfo"] = 103,
        ["CastTypeInfoToSequenceTypeInfo"] = 104,
        ["GetMapKeyType"] = 105,
        ["GetMapValueType"] = 106,
        ["GetSequenceElementType"] = 107,
        ["ReleaseMapTypeInfo"] = 108,
        ["ReleaseSequenceTypeInfo"] = 109,
        ["SessionEndProfiling"] = 110,
        ["SessionGetModelMetadata"] = 111,
        ["ModelMetadataGetProducerName"] = 112,
        ["ModelMetadataGetGraphName"] = 113,
        ["ModelMetadataGetDomain"] = 114,
        ["ModelMetadataGetDescription"] = 115,
        ["ModelMetadataLookupCustomMetadataMap"] = 116,
        ["ModelMetadataGetVersion"] = 117,
        ["ReleaseModelMetadata"] = 118,
        ["CreateEnvWithGlobalThreadPools"] = 119,
        ["DisablePerSessionThreads"] = 120,
        ["CreateThreadingOptions"] = 121,
        ["ReleaseThreadingOptions"] = 122,
        ["ModelMetadataGetCustomMetadataMapKeys"] = 123,
        ["AddFreeDimensionOverrideByName"] = 124,
        ["GetAvailableProviders"] = 125,
        ["ReleaseAvailableProviders"] = 126,
        ["GetStringTensorElementLength"] = 127,
        ["GetStringTensorElement"] = 128,
        ["FillStringTensorElement"] = 129,
        ["AddSessionConfigEntry"] = 130,
        ["CreateAllocator"] = 131,
        ["ReleaseAllocator"] = 132,
        ["RunWithBinding"] = 133,
    };

    [Fact]
    public void Every_index_the_binding_uses_matches_the_documented_table()
    {
        var used = typeof(OrtApiIndex)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        Assert.True(used.Count >= 40, $"expected the binding's indexes, found {used.Count}");
        foreach (var (name, index) in used)
        {
            Assert.True(Documented.TryGetValue(name, out var documented), $"{name} is not in the documented table");
            Assert.Equal(documented, index);
        }
    }

    [Fact]
    public void Requested_api_version_covers_the_highest_index_used()
    {
        // Indexes up to 101 are version 1; 102..109 (type info of maps and sequences) arrived in version 2.
        var highest = typeof(OrtApiIndex).GetFields().Where(f => f.FieldType == typeof(int)).Max(f => (int)f.GetRawConstantValue()!);
        Assert.True(highest <= 109, $"index {highest} may need a newer API version than {OrtApiIndex.ApiVersion}");
        Assert.Equal(2u, OrtApiIndex.ApiVersion);
    }
}
