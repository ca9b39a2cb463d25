using System.Globalization;
using System.Text;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.Tests.Tabular;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("+12.75")]
    [InlineData("17.99")]
    [InlineData("0.006399")]
    [InlineData("1001")]
    [InlineData("1.20816634e-09")]
    [InlineData("6.02E23")]
    [InlineData("123456789012345678901234")]
    [InlineData("  3.5 ")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData(".5")]
    [InlineData("5.")]
    public void Parses_like_double_Parse(string text)
    {
        Assert.True(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("1,5")]
    public void Rejects_what_is_not_a_number(string text)
    {
        Assert.False(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Round_trips_random_doubles_and_floats_exactly()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var d = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12));
            var text = d.ToString("R", CultureInfo.InvariantCulture);
            Assert.True(DecimalText.TryParse(Encoding.UTF8.GetBytes(text), out var parsed));
            Assert.Equal(d, parsed);

            var f = (float)d;
            var floatText = f.ToString(CultureInfo.InvariantCulture);
            Assert.True(DecimalText.TryParse(Encoding.UTF8.GetBytes(floatText), out var parsedFloat));
            Assert.Equal(f, (float)parsedFloat);
        }
    }
}
