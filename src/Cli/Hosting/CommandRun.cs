using System.CommandLine;
using OrleansBatch.Cli.Output;
using OrleansBatch.Client;

namespace OrleansBatch.Cli.Hosting;

/// <summary>One command being carried out: its parsed options, the gateway client, and where its result and messages go.</summary>
internal sealed class CommandRun(ParseResult parse, CliContext context, CancellationToken cancellationToken)
{
    private OrleansBatchClient? _client;

    public ParseResult Parse { get; } = parse;

    public CliContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The client for the gateway and key this command resolves to (see <see cref="Connection"/>).</summary>
    public OrleansBatchClient Client => _client ??= Connection.CreateClient(Context, Parse.GetValue(GlobalOptions.Endpoint), Parse.GetValue(GlobalOptions.ApiKey));

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>The value of a required option (System.CommandLine has checked it is there).</summary>
    public T Required<T>(Option<T> option) => Parse.GetRequiredValue(option);

    /// <summary>Writes the command's result to stdout, through <c>--query</c> and <c>-o</c>.</summary>
    public void Write<T>(T value)
    {
        var query = Parse.GetValue(GlobalOptions.Query) is { Length: > 0 } q ? ParseQuery(q) : null;
        new ResultWriter(Context, query, ResultWriter.ParseFormat(Parse.GetValue(GlobalOptions.Output))).Write(value);
    }

    /// <summary>A message for the user on stderr (never mixed into the result on stdout).</summary>
    public void Note(string message) => Context.Error.WriteLine(message);

    private static JsonQuery ParseQuery(string text)
    {
        try
        {
            return JsonQuery.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
