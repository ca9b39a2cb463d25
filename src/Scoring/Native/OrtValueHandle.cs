using System.Runtime.InteropServices;

namespace OrleansBatch.Scoring.Native;

/// <summary>
/// Owns an <c>OrtValue</c>. A tensor created over managed memory also owns the pin on that memory, freed only
/// after the value is released, so ONNX Runtime never sees the buffer move or vanish.
/// </summary>
internal sealed unsafe class OrtValueHandle : OrtHandle
{
    private GCHandle _pin;

    public OrtValueHandle(OrtApi api, nint handle, GCHandle pin = default)
        : base(handle, api.ReleaseValue)
    {
        _pin = pin;
    }

    protected override bool ReleaseHandle()
    {
        base.ReleaseHandle();
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }

        return true;
    }
}
