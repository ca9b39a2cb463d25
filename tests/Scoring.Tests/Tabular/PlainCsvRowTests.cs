using System.Text;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.Tests.Tabular;

public sealed class PlainCsvRowTests
{
    [Fact]
    public void Fills_mapped_columns_and_skips_unused_ones()
    {
        var row = new float[3];

        var ok = PlainCsvRow.TryFill("1.5,id-7,-2e3,0.25"u8, row, [0, -1, 2, 1]);

        Assert.True(ok);
        Assert.Equal(new[] { 1.5f, 0.25f, -2000f }, row);
    }

    [Theory]
    [InlineData("1,2,3,4,5")] // too many fields
    [InlineData("1,2,3")] // too few
    [InlineData("1,,3,4")] // empty field: the general path decides (an item error)
    [InlineData("1,\"x\",3,4")] // quoted unused field
    [InlineData("\"1\",2,3,4")] // quoted value
    [InlineData("1,2,abc,4")] // not a number
    [InlineData("1,2,3,4 ")] // trailing space
    [InlineData("1,2,12345678901234567,4")] // more digits than the fast path takes
    public void Leaves_anything_unusual_to_the_general_path(string line)
    {
        Assert.False(PlainCsvRow.TryFill(Encoding.UTF8.GetBytes(line), new float[4], [0, 1, 2, 3]));
    }
}
