namespace OrleansBatch.Cli;

/// <summary>A command line that cannot be carried out as given; the message says what to change. Exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
