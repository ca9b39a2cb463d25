using System.Text.Json;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>The columns of a JSON-lines slice: the property names of its first object, and which of them hold numbers.</summary>
internal static class JsonLineColumns
{
    public static bool TryRead(ReadOnlySpan<byte> line, out string[] names, out bool[] numeric, out string? error)
    {
        names = [];
        numeric = [];
        error = null;
        var nameList = new List<string>();
        var numericList = new List<bool>();
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the line is not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                nameList.Add(reader.GetString()!);
                reader.Read();
                numericList.Add(reader.TokenType == JsonTokenType.Number);
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            error = $"the line is not valid JSON: {e.Message}";
            return false;
        }

        names = [.. nameList];
        numeric = [.. numericList];
        return true;
    }
}
