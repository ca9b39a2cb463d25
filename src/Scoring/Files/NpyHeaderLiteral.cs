using System.Globalization;
using System.Text;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Parses the header of a <c>.npy</c> file: a Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (1, 8, 8), }</c>. Only the literal forms numpy
/// writes are understood: strings, True/False, integers, tuples, lists and dicts. Values come back as
/// <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, <c>List&lt;object&gt;</c> (tuple or list)
/// or <c>Dictionary&lt;string, object&gt;</c>.
/// </summary>
internal sealed class NpyHeaderLiteral(string text)
{
    // numpy writes at most a list of field tuples; deeper nesting is junk, and recursion must stay bounded.
    private const int MaxDepth = 16;
    private int _position;
    private int _depth;

    public static Dictionary<string, object> ParseDict(string text)
    {
        var parser = new NpyHeaderLiteral(text);
        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (value is not Dictionary<string, object> dict || parser._position != text.Length)
        {
            throw parser.Error("the header is not a single Python dict");
        }

        return dict;
    }

    private object ParseValue()
    {
        SkipWhitespace();
        if (_position >= text.Length)
        {
            throw Error("the header ends early");
        }

        var c = text[_position];
        if ((c is '{' or '(' or '[') && ++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }

        switch (c)
        {
            case '{':
                return ParseDictBody();
            case '(':
                return ParseSequence(')');
            case '[':
                return ParseSequence(']');
            case '\'':
            case '"':
                return ParseString();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseInteger();
        }

        var start = _position;
        while (_position < text.Length && char.IsAsciiLetter(text[_position])) _position++;
        return text[start.._position] switch
        {
            "True" => true,
            "False" => false,
            "" => throw Error($"unexpected character '{c}'"),
            var word => throw Error($"unexpected word '{word}'"),
        };
    }

    private Dictionary<string, object> ParseDictBody()
    {
        _position++; // '{'
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (TryTake('}')) return Close(dict);
            if (ParseValue() is not string key) throw Error("a dict key is not a string");
            SkipWhitespace();
            if (!TryTake(':')) throw Error("expected ':' after a dict key");
            dict[key] = ParseValue();
            SkipWhitespace();
            if (TryTake('}')) return Close(dict);
            if (!TryTake(',')) throw Error("expected ',' or '}' in the dict");
        }
    }

    private List<object> ParseSequence(char close)
    {
        _position++; // '(' or '['
        var items = new List<object>();
        while (true)
        {
            SkipWhitespace();
            if (TryTake(close)) return Close(items);
            items.Add(ParseValue());
            SkipWhitespace();
            if (TryTake(close)) return Close(items);
            if (!TryTake(',')) throw Error($"expected ',' or '{close}'");
        }
    }

    private T Close<T>(T value)
    {
        _depth--;
        return value;
    }

    private string ParseString()
    {
        var quote = text[_position++];
        var value = new StringBuilder();
        while (_position < text.Length && text[_position] != quote)
        {
            if (text[_position] == '\\' && _position + 1 < text.Length) _position++;
            value.Append(text[_position++]);
        }

        if (!TryTake(quote)) throw Error("a string is not closed");
        return value.ToString();
    }

    private long ParseInteger()
    {
        var start = _position;
        if (text[_position] == '-') _position++;
        while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        var digits = text[start.._position];
        if (_position < text.Length && text[_position] == 'L') _position++; // Python 2 longs
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"'{digits}' is not an integer");
        }

        return value;
    }

    private bool TryTake(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
    }

    private InvalidArrayException Error(string what) =>
        new(InvalidArrayException.Corrupt, $"The .npy header cannot be read: {what} at character {_position} of \"{text.TrimEnd()}\".");
}
