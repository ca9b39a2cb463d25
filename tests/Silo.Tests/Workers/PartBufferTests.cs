using System.Text;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Tests.Workers;

public class PartBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(128 * 1024)]
    [InlineData(128 * 1024 + 1)]
    [InlineData(1_000_003)]
    public async Task What_is_written_in_pieces_reads_back_the_same_across_chunk_boundaries(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        await using var part = new PartBuffer();
        for (var at = 0; at < size;)
        {
            var piece = Math.Min(size - at, 1 + (at % 70_001));
            part.Write(bytes, at, piece);
            at += piece;
        }
        part.StartReading();

        using var copy = new MemoryStream();
        await part.CopyToAsync(copy);

        Assert.Equal(size, part.Length);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void Reads_all_text_as_utf8_and_refuses_writes_once_reading()
    {
        using var part = new PartBuffer();
        var text = string.Concat(Enumerable.Repeat("0,chat,0.5,é\n", 20_000));
        var bytes = Encoding.UTF8.GetBytes(text);
        part.Write(bytes);
        part.StartReading();

        Assert.Equal(text, part.ReadAllText());
        Assert.Throws<InvalidOperationException>(() => part.Write(bytes));
        Assert.Throws<NotSupportedException>(() => part.Seek(0, SeekOrigin.Begin));
    }

    [Fact]
    public void Reading_before_writing_ends_is_refused_and_a_disposed_part_is_unusable()
    {
        var part = new PartBuffer();
        part.Write([1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => part.ReadByte());

        part.Dispose();
        Assert.Throws<ObjectDisposedException>(() => part.Write([4]));
        Assert.Throws<ObjectDisposedException>(() => part.StartReading());
    }
}
