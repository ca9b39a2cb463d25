using System.CommandLine;

namespace OrleansBatch.Cli.Hosting;

/// <summary>Builds the command tree: a verb is a named command with options and an action run as a <see cref="CommandRun"/>.</summary>
internal static class Verb
{
    public static Command Group(string name, string description, params Command[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs)
            group.Subcommands.Add(verb);
        return group;
    }

    public static Command Create(string name, string description, CliContext context, IEnumerable<Option> options, Func<CommandRun, Task<int>> action)
    {
        var command = new Command(name, description);
        foreach (var option in options)
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => action(new CommandRun(parse, context, cancellationToken)));
        return command;
    }

    /// <summary>A result-writing verb that always succeeds when the gateway answers.</summary>
    public static Command Create(string name, string description, CliContext context, IEnumerable<Option> options, Func<CommandRun, Task> action) =>
        Create(name, description, context, options, async run =>
        {
            await action(run);
            return ExitCodes.Success;
        });

    public static Option<string> Name(string description, bool required = true) => new("--name", "-n") { Description = description, Required = required };

    public static Option<string> File(string description, bool required = false) => new("--file", "-f") { Description = description, Required = required };

    /// <summary><c>--set key.path=value</c>, as in <c>az ml ... --set</c>; may be repeated or take several pairs.</summary>
    public static Option<string[]> Set(string description) => new("--set") { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>az's <c>--yes</c> / <c>--no-wait</c> on deletes and creates: deletes here never prompt and creates are synchronous.</summary>
    public static Option<bool>[] AzureNoPrompt() =>
    [
        new("--yes", "-y") { Description = "Accepted for az compatibility: obatch never prompts." },
        new("--no-wait") { Description = "Accepted for az compatibility: the operation is done when obatch returns." },
    ];
}
