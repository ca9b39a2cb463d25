using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>Reads and writes <see cref="MiniBatchSize"/> as a JSON number (files) or string (size or rows).</summary>
internal sealed class MiniBatchSizeJsonConverter : JsonConverter<MiniBatchSize>
{
    public override MiniBatchSize Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.Number => MiniBatchSize.FromFiles(reader.GetInt32()),
            JsonTokenType.String => MiniBatchSize.Parse(reader.GetString()!),
            _ => throw new JsonException("mini_batch_size is a number of files or a string such as \"10MB\" or \"1000 rows\"."),
        };

    public override void Write(Utf8JsonWriter writer, MiniBatchSize value, JsonSerializerOptions options)
    {
        if (value.Files is { } files)
            writer.WriteNumberValue(files);
        else
            writer.WriteStringValue(value.Text);
    }
}
