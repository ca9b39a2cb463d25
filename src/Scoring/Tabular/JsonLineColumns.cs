using System.Text.Json;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>The columns of a JSON-lines input: the property names of an object (its values are not looked at).</summary>
internal static class JsonLineColumns
{
    public static bool TryRead(ReadOnlySpan<byte> line, out string[] names, out string? error)
    {
        names = [];
        error = null;
        var nameList = new List<string>();
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
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            error = $"the line is not valid JSON: {e.Message}";
            return false;
        }

        names = [.. nameList];
        return true;
    }
}
