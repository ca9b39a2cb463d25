using Spectre.Console;

namespace OrleansBatch.Cli.Hosting;

/// <summary>
/// What a run of <c>obatch</c> works with: where results go (stdout) and where messages and progress go (stderr),
/// whether stderr is a terminal (a live progress bar) or redirected (plain lines), the environment, the folder of the
/// login profile and, for tests, the HTTP transport to the gateway.
/// </summary>
internal sealed class CliContext(
    TextWriter output, TextWriter error, bool errorIsTerminal, Func<string, string?> environment, string configDirectory,
    HttpMessageHandler? transport = null, bool outputIsTerminal = false)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is a terminal: progress is drawn as a live bar, else written as plain lines.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    /// <summary>True when stdout is a terminal too (then it is the same screen as stderr's progress bar).</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    public Func<string, string?> Environment { get; } = environment;

    /// <summary>The folder of <c>profile.json</c> (written by <c>obatch login</c>).</summary>
    public string ConfigDirectory { get; } = configDirectory;

    /// <summary>The transport to the gateway (tests: an in-process server); null for a real connection.</summary>
    public HttpMessageHandler? Transport { get; } = transport;

    /// <summary>The process's console: stdout, stderr, the real environment and <c>$XDG_CONFIG_HOME/obatch</c> (or <c>~/.config/obatch</c>).</summary>
    public static CliContext FromProcess() => new(
        Console.Out, Console.Error, !Console.IsErrorRedirected, System.Environment.GetEnvironmentVariable,
        Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData, System.Environment.SpecialFolderOption.DoNotVerify), "obatch"),
        transport: null, outputIsTerminal: !Console.IsOutputRedirected);

    /// <summary>A Spectre console over stderr: interactive with colours on a terminal, plain text when redirected.</summary>
    public IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = ErrorIsTerminal ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = ErrorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = ErrorIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    /// <summary>A Spectre console over stdout for tables, without colours or a width limit when redirected.</summary>
    public IAnsiConsole OutputConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(Output, Console.Out) || Console.IsOutputRedirected)
            console.Profile.Width = 240;
        return console;
    }
}
