using System.Text;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Tests.Workers;

public sealed class SliceLinesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-slices-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Byte_ranges_of_a_plan_own_every_row_exactly_once(int chunkBytes)
    {
        var path = Path.Combine(_dir, "data.csv");
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 500; i++)
            text.Append(i).Append(',').Append(new string('x', i % 13)).Append('\n');
        File.WriteAllText(path, text.ToString());
        var files = new List<JobInputFile> { new("data.csv", path, new FileInfo(path).Length) };

        var plan = MiniBatchPlanner.Plan(files, new MiniBatchSize(MiniBatchSizeKind.Bytes, chunkBytes));
        var total = Enumerable.Range(0, plan.MiniBatchCount)
            .SelectMany(i => plan.SlicesOf(i, files))
            .Sum(s => SliceLines.Count(path, "data.csv", s.Offset, s.Length));

        Assert.Equal(500, total);
    }

    [Fact]
    public void Estimates_bytes_per_row_from_the_start_of_the_file()
    {
        var path = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("123456789\n", 1000)));

        Assert.Equal(10.0, SliceLines.EstimateBytesPerRow(path, 4096));
    }
}
