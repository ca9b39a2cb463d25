using System.Text.Json.Nodes;
using OrleansBatch.Cli.Output;

namespace OrleansBatch.Cli.Tests;

/// <summary>The JMESPath subset of <c>--query</c>, on the shapes az users query.</summary>
public sealed class JsonQueryTests
{
    private static readonly JsonNode Jobs = JsonNode.Parse("""
        [{"name":"a","status":"Completed","progress":{"items":{"succeeded":3}}},
         {"name":"b","status":"Failed","progress":{"items":{"succeeded":0}}}]
        """)!;

    [Theory]
    [InlineData("[].name", """["a","b"]""")]
    [InlineData("[0].name", "\"a\"")]
    [InlineData("[-1].status", "\"Failed\"")]
    [InlineData("[].progress.items.succeeded", "[3,0]")]
    [InlineData("[].{Name:name, Ok:progress.items.succeeded}", """[{"Name":"a","Ok":3},{"Name":"b","Ok":0}]""")]
    [InlineData("[1].[name, status]", """["b","Failed"]""")]
    [InlineData("[0].missing", "null")]
    [InlineData("[5].name", "null")]
    public void Evaluates_fields_indexes_projections_and_multiselects(string query, string expected) =>
        Assert.Equal(expected, JsonQuery.Parse(query).Evaluate(Jobs.DeepClone())?.ToJsonString() ?? "null");

    [Fact]
    public void Reads_quoted_fields() =>
        Assert.Equal("\"x\"", JsonQuery.Parse("\"$schema\"").Evaluate(JsonNode.Parse("""{"$schema":"x"}"""))!.ToJsonString());

    [Theory]
    [InlineData("[?status=='Failed']")]
    [InlineData("{Name name}")]
    [InlineData("name.")]
    public void Refuses_what_it_does_not_support_with_a_message(string query) =>
        Assert.Contains("Supported:", Assert.Throws<FormatException>(() => JsonQuery.Parse(query)).Message);
}
