using Microsoft.ML.Data;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>Rows already checked and written as text, handed to ML.NET's <c>TextLoader</c> from memory.</summary>
internal sealed class MlNetTextSource(string text) : IMultiStreamSource
{
    public int Count => 1;

    public string? GetPathOrNull(int index) => null;

    public Stream Open(int index) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

    public TextReader OpenTextReader(int index) => new StringReader(text);
}
