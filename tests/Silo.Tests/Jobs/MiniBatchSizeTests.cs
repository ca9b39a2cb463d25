using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Tests.Jobs;

public class MiniBatchSizeTests
{
    [Theory]
    [InlineData("10", MiniBatchSizeKind.Files, 10)]
    [InlineData("5000 rows", MiniBatchSizeKind.Rows, 5000)]
    [InlineData("1 row", MiniBatchSizeKind.Rows, 1)]
    [InlineData("10MB", MiniBatchSizeKind.Bytes, 10L << 20)]
    [InlineData("512kb", MiniBatchSizeKind.Bytes, 512L << 10)]
    [InlineData("1GB", MiniBatchSizeKind.Bytes, 1L << 30)]
    [InlineData("4096B", MiniBatchSizeKind.Bytes, 4096)]
    public void Parses_counts_rows_and_sizes(string text, MiniBatchSizeKind kind, long value)
    {
        var size = MiniBatchSize.Parse(text);

        Assert.Equal(new MiniBatchSize(kind, value), size);
        Assert.Equal(size, MiniBatchSize.Parse(size.ToString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("10 parsecs")]
    [InlineData("")]
    public void Rejects_what_is_not_a_size_with_a_validation_error(string text)
    {
        var error = Assert.Throws<DomainException>(() => MiniBatchSize.Parse(text));

        Assert.Equal("ValidationFailed", error.Code);
        Assert.Contains("settings.mini_batch_size", error.Errors!.Keys);
    }
}
