using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>Writes a <see cref="ModelReference"/> as <c>name:version</c> or <c>name@latest</c>; reads that text or <c>{name, version}</c>.</summary>
internal sealed class ModelReferenceJsonConverter : JsonConverter<ModelReference>
{
    public override ModelReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                return ModelReference.Parse(reader.GetString()!);
            }
            catch (FormatException e)
            {
                throw new JsonException(e.Message, e);
            }
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A model reference is a string or an object {name, version}.");

        string? name = null;
        int? version = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
                name = reader.GetString();
            else if (string.Equals(property, "version", StringComparison.OrdinalIgnoreCase))
                version = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.GetInt32(),
                    JsonTokenType.String when reader.GetString() is "latest" or null => null,
                    JsonTokenType.String => int.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
            else
                reader.Skip();
        }
        return new ModelReference(name ?? throw new JsonException("A model reference object needs a name."), version);
    }

    public override void Write(Utf8JsonWriter writer, ModelReference value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
