namespace OrleansBatch.Scoring.Files;

/// <summary>The meaning of a <c>.npy</c> header, checked against what <see cref="NpyReader"/> reads.</summary>
internal sealed record NpyHeader(string Descr, NpyDataType DataType, int ItemSize, long[] Shape)
{
    private const string Supported = "float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64 or bool";

    /// <summary>The shape as Python writes it, e.g. <c>(1, 8, 8)</c> or <c>(3,)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    public static NpyHeader Parse(string text)
    {
        var dict = NpyHeaderLiteral.ParseDict(text);
        if (!dict.TryGetValue("descr", out var descrValue) || !dict.TryGetValue("shape", out var shapeValue)
            || !dict.TryGetValue("fortran_order", out var fortranValue))
        {
            throw Corrupt($"The .npy header must have 'descr', 'fortran_order' and 'shape'; it is \"{text.TrimEnd()}\".");
        }

        if (descrValue is not string descr)
        {
            throw Unsupported($"The .npy array has a structured (record) dtype; only plain {Supported} arrays are supported.");
        }

        if (fortranValue is not bool fortranOrder)
        {
            throw Corrupt("The .npy header's 'fortran_order' is not True or False.");
        }

        if (fortranOrder)
        {
            throw Unsupported("The .npy array is in Fortran (column-major) order; save it in C order (np.ascontiguousarray) instead.");
        }

        if (shapeValue is not List<object> dims || dims.Any(d => d is not long))
        {
            throw Corrupt("The .npy header's 'shape' is not a tuple of integers.");
        }

        var shape = dims.Cast<long>().ToArray();
        if (shape.Any(d => d < 0))
        {
            throw Corrupt($"The .npy header's shape ({string.Join(", ", shape)}) has a negative dimension.");
        }

        var (dataType, itemSize) = ParseDescr(descr);
        return new NpyHeader(descr, dataType, itemSize, shape);
    }

    /// <summary>The product of the shape, refused above <paramref name="maxElements"/>.</summary>
    public long ElementCount(long maxElements)
    {
        // An array's data must fit in one byte[] anyway, so the limit never needs to exceed int range.
        maxElements = Math.Min(maxElements, int.MaxValue);
        long count = 1;
        foreach (var d in Shape)
        {
            // Dividing first keeps the check itself from overflowing.
            if (d != 0 && count > maxElements / d)
            {
                throw new InvalidArrayException(InvalidArrayException.TooLarge,
                    $"The .npy shape {ShapeText} has more than the limit of {maxElements} elements.");
            }

            count *= d;
        }

        return count;
    }

    private static (NpyDataType, int) ParseDescr(string descr)
    {
        if (descr.Length < 2 || descr[0] is not ('<' or '>' or '|' or '='))
        {
            throw Unsupported($"The .npy dtype '{descr}' is not supported; use {Supported}.");
        }

        var (dataType, size) = descr[1..] switch
        {
            "f4" => (NpyDataType.Float32, 4),
            "f8" => (NpyDataType.Float64, 8),
            "i1" => (NpyDataType.Int8, 1),
            "i2" => (NpyDataType.Int16, 2),
            "i4" => (NpyDataType.Int32, 4),
            "i8" => (NpyDataType.Int64, 8),
            "u1" => (NpyDataType.UInt8, 1),
            "u2" => (NpyDataType.UInt16, 2),
            "u4" => (NpyDataType.UInt32, 4),
            "u8" => (NpyDataType.UInt64, 8),
            "b1" => (NpyDataType.Bool, 1),
            var code when code.StartsWith('O') => throw Unsupported($"The .npy array holds Python objects (dtype '{descr}'); only {Supported} arrays are supported."),
            _ => throw Unsupported($"The .npy dtype '{descr}' is not supported; use {Supported}."),
        };

        // '=' is the writer's native order; numpy writes '<' or '>' for multi-byte types, and we only read little-endian.
        var bigEndian = descr[0] == '>' || (descr[0] == '=' && !BitConverter.IsLittleEndian);
        if (bigEndian && size > 1)
        {
            throw Unsupported($"The .npy dtype '{descr}' is big-endian; save the array little-endian (arr.astype('<{descr[1..]}')).");
        }

        return (dataType, size);
    }

    private static InvalidArrayException Corrupt(string message) => new(InvalidArrayException.Corrupt, message);

    private static InvalidArrayException Unsupported(string message) => new(InvalidArrayException.Unsupported, message);
}
