using System.Globalization;
using OrleansBatch.Scoring;

namespace OrleansBatch.Silo.Workers;

/// <summary>Writes scored rows as part lines <c>rowInSlice,values</c> and counts them per slice.</summary>
public sealed class PartSink(TextWriter writer) : IPredictionSink
{
    private readonly char[] _number = new char[20];

    /// <summary>Lines written since the last <see cref="TakeLines"/>.</summary>
    public long Lines { get; private set; }

    public void Append(long rowInSlice, ReadOnlySpan<char> csvValues)
    {
        rowInSlice.TryFormat(_number, out var length, provider: CultureInfo.InvariantCulture);
        writer.Write(_number, 0, length);
        writer.Write(',');
        writer.Write(csvValues);
        writer.Write('\n');
        Lines++;
    }

    /// <summary>Returns the lines of the slice just scored and starts counting the next one.</summary>
    public long TakeLines()
    {
        var lines = Lines;
        Lines = 0;
        return lines;
    }
}
