using System.Runtime.InteropServices;

namespace OrleansBatch.Scoring.Native;

/// <summary>An ONNX Runtime object owned by managed code, released exactly once by its <c>Release*</c> function.</summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged<nint, void> _release;

    protected OrtHandle(nint handle, delegate* unmanaged<nint, void> release)
        : base(0, ownsHandle: true)
    {
        _release = release;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _release(handle);
        return true;
    }
}
