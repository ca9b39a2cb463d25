using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Tests.Jobs;

public class OutputJoinerTests
{
    private static MiniBatchResult Result(int index, bool ok, params MiniBatchSegment[] segments) =>
        new(index, ok, ok ? $"p{index}" : null, segments, ["label", "p0"], 0, 0, 1, 1, [], 0, "w", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Adds_each_files_running_row_base_and_identity_columns()
    {
        var files = new List<JobInputFile> { new("a,b.csv", "/x", 100), new("c.csv", "/y", 50) };
        var rowBase = new long[2];
        var output = new StringWriter();

        // Part 0: first range of file 0 with 3 rows (row 1 failed, so 2 lines); part 1: the rest of file 0, then file 1.
        OutputJoiner.AppendPart(new StringReader("0,1,0.9\n2,0,0.2\n"), Result(0, true, new MiniBatchSegment(0, 2, 3)), files, rowBase, output);
        OutputJoiner.AppendPart(new StringReader("0,1,0.8\n1,1,0.7\n0,0,0.1\n"), Result(1, true, new MiniBatchSegment(0, 2, 2), new MiniBatchSegment(1, 1, 1)), files, rowBase, output);

        Assert.Equal(
            "\"a,b.csv\",0,1,0.9\n\"a,b.csv\",2,0,0.2\n\"a,b.csv\",3,1,0.8\n\"a,b.csv\",4,1,0.7\nc.csv,0,0,0.1\n",
            output.ToString());
        Assert.Equal([5L, 1L], rowBase);
    }

    [Fact]
    public void A_short_part_is_an_error_not_a_silent_gap()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };

        Assert.Throws<InvalidDataException>(() =>
            OutputJoiner.AppendPart(new StringReader("0,1\n"), Result(0, true, new MiniBatchSegment(0, 2, 2)), files, new long[1], new StringWriter()));
    }

    [Fact]
    public void Header_lists_identity_then_model_columns()
    {
        Assert.Equal("file_name,row,label,\"p,1\"", OutputJoiner.Header(["label", "p,1"]));
    }
}
