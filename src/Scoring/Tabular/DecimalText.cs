using System.Globalization;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Parses decimal numbers from UTF-8 text fast. Plain decimals of up to 15 significant digits with a power of
/// ten within 10^±22 (what CSV exports hold) take Clinger's fast path: the digits as an exact integer times or
/// divided by an exact power of ten, one correctly rounded double operation. Anything else (more digits, NaN,
/// Infinity, exotic forms) goes to <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>.
/// </summary>
internal static class DecimalText
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var s = text.Trim(" \t"u8);
        var i = 0;
        if (TryParsePlain(s, ref i, out value) && i == s.Length)
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Parses a plain decimal (sign, digits, point, exponent) that starts at <paramref name="i"/> and fits the
    /// fast path, leaving <paramref name="i"/> after it. False when the text there is not such a number; the
    /// caller then falls back to the general parser.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> s, ref int i, out double value)
    {
        value = 0;
        var negative = false;
        if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var exponent = 0;
        var any = false;
        for (; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
        {
            any = true;
            if (mantissa != 0 || s[i] != (byte)'0')
            {
                mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                digits++;
            }
        }

        if (i < s.Length && s[i] == (byte)'.')
        {
            for (i++; i < s.Length && (uint)(s[i] - '0') <= 9; i++)
            {
                any = true;
                if (mantissa != 0 || s[i] != (byte)'0')
                {
                    mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                    digits++;
                }

                exponent--;
            }
        }

        if (any && i < s.Length && (s[i] | 0x20) == (byte)'e')
        {
            i++;
            var negativeExponent = false;
            if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+'))
            {
                negativeExponent = s[i] == (byte)'-';
                i++;
            }

            var e = 0;
            var start = i;
            for (; i < s.Length && (uint)(s[i] - '0') <= 9 && e < 10_000; i++)
            {
                e = (e * 10) + (s[i] - '0');
            }

            any = i > start;
            exponent += negativeExponent ? -e : e;
        }

        if (!any || digits > 15 || exponent < -22 || exponent > 22)
        {
            return false;
        }

        value = exponent >= 0 ? mantissa * PowersOfTen[exponent] : mantissa / PowersOfTen[-exponent];
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
