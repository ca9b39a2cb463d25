using System.Buffers.Binary;
using System.Text;

namespace OrleansBatch.Scoring.Tests.Files;

/// <summary>Writes .npy files the way numpy lays them out, with any header text, for tests.</summary>
public static class NpyBytes
{
    /// <summary>Magic, version, header length, the header padded with spaces and a newline to a 64-byte boundary, then the data.</summary>
    public static byte[] Build(string header, ReadOnlySpan<byte> data, int version = 1)
    {
        var lengthSize = version == 1 ? 2 : 4;
        var prefix = 8 + lengthSize;
        var padded = header + new string(' ', 63 - (prefix + header.Length) % 64) + "\n";
        var headerBytes = (version == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(padded);
        var file = new byte[prefix + headerBytes.Length + data.Length];
        file[0] = 0x93;
        "NUMPY"u8.CopyTo(file.AsSpan(1));
        (file[6], file[7]) = ((byte)version, 0);
        if (lengthSize == 2)
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)headerBytes.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), (uint)headerBytes.Length);
        headerBytes.CopyTo(file, prefix);
        data.CopyTo(file.AsSpan(prefix + headerBytes.Length));
        return file;
    }

    public static string Header(string descr, string shape, bool fortranOrder = false) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
}
