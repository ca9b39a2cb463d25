using System.Runtime.InteropServices;

namespace OrleansBatch.Scoring.Native;

/// <summary>Creates input tensors: numeric ones over pinned managed arrays (no copy), string ones filled from a UTF-8 arena.</summary>
internal static unsafe class OrtTensors
{
    /// <summary>
    /// A tensor viewing the first <paramref name="elementCount"/> elements of <paramref name="data"/>. The array
    /// stays pinned until the returned value is disposed, so ONNX Runtime reads it in place.
    /// </summary>
    public static OrtValueHandle OverPinned<T>(OnnxRuntime runtime, T[] data, int elementCount, ReadOnlySpan<long> shape, OrtElementType type)
        where T : unmanaged
    {
        if (elementCount > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(elementCount), $"{elementCount} elements requested of a buffer of {data.Length}.");
        }

        var api = runtime.Api;
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            nint value;
            fixed (long* dims = shape)
            {
                api.Check(api.CreateTensorWithDataAsOrtValue(
                    runtime.CpuMemory, (void*)pin.AddrOfPinnedObject(), (nuint)(elementCount * sizeof(T)),
                    dims, (nuint)shape.Length, (int)type, &value));
            }

            return new OrtValueHandle(api, value, pin);
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    /// <summary>A string tensor; <paramref name="starts"/> index NUL-terminated UTF-8 strings in <paramref name="arena"/>. ONNX Runtime copies them.</summary>
    public static OrtValueHandle Strings(OnnxRuntime runtime, byte[] arena, ReadOnlySpan<int> starts, ReadOnlySpan<long> shape)
    {
        var api = runtime.Api;
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(api.CreateTensorAsOrtValue(runtime.DefaultAllocator, dims, (nuint)shape.Length, (int)OrtElementType.String, &value));
        }

        var handle = new OrtValueHandle(api, value);
        try
        {
            var pointers = new byte*[starts.Length];
            fixed (byte* basePtr = arena)
            {
                for (var i = 0; i < starts.Length; i++)
                {
                    pointers[i] = basePtr + starts[i];
                }

                fixed (byte** p = pointers)
                {
                    api.Check(api.FillStringTensor(value, p, (nuint)starts.Length));
                }
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return handle;
    }
}
