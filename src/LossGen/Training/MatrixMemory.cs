using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LossGen.Training;

/// <summary>
/// The elements of a two-dimensional array as one row-major <see cref="Memory{T}"/>, without copying: a
/// <c>T[,]</c> is stored row after row, so its n × d elements are exactly the row-major design matrix.
/// </summary>
internal sealed class MatrixMemory<T>(T[,] array) : MemoryManager<T>
    where T : unmanaged
{
    public override Span<T> GetSpan() =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        return new MemoryHandle(Unsafe.Add<T>((void*)handle.AddrOfPinnedObject(), elementIndex), handle, this);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
