namespace OrleansBatch.Scoring.Models;

/// <summary>Just enough of the protobuf wire format to walk and rebuild ONNX model messages without their schema.</summary>
internal static class ProtoWire
{
    /// <summary>One field of a message: its number, wire type, the whole encoded field and, for length-delimited fields, the payload.</summary>
    public readonly record struct Field(int Number, int WireType, ReadOnlyMemory<byte> Encoded, ReadOnlyMemory<byte> Payload, ulong Varint);

    public static List<Field> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var start = position;
            var key = ReadVarint(span, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            ReadOnlyMemory<byte> payload = default;
            ulong varint = 0;
            switch (wireType)
            {
                case 0:
                    varint = ReadVarint(span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = checked((int)ReadVarint(span, ref position));
                    payload = message.Slice(position, length);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
            }

            if (position > span.Length)
            {
                throw new InvalidDataException("Truncated protobuf message.");
            }

            fields.Add(new Field(number, wireType, message[start..position], payload, varint));
        }

        return fields;
    }

    /// <summary>The packed or unpacked values of a repeated int64 field.</summary>
    public static IEnumerable<long> Int64s(IEnumerable<Field> fields, int number)
    {
        var values = new List<long>();
        foreach (var field in fields.Where(f => f.Number == number))
        {
            if (field.WireType == 0)
            {
                values.Add((long)field.Varint);
                continue;
            }

            var span = field.Payload.Span;
            var position = 0;
            while (position < span.Length)
            {
                values.Add((long)ReadVarint(span, ref position));
            }
        }

        return values;
    }

    public static string Text(Field field) => System.Text.Encoding.UTF8.GetString(field.Payload.Span);

    public static void WriteLengthDelimited(Stream stream, int number, ReadOnlySpan<byte> payload)
    {
        WriteVarint(stream, ((ulong)number << 3) | 2);
        WriteVarint(stream, (ulong)payload.Length);
        stream.Write(payload);
    }

    public static void WriteVarintField(Stream stream, int number, ulong value)
    {
        WriteVarint(stream, (ulong)number << 3);
        WriteVarint(stream, value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length)
            {
                throw new InvalidDataException("Truncated protobuf varint.");
            }

            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed protobuf varint.");
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
