namespace OrleansBatch.Silo.Inputs;

/// <summary>A connection the <see cref="RemoteAccessPolicy"/> refused: the host is not allowed, or it resolved to a non-public address.</summary>
public sealed class RemoteHostRefusedException(string host, string reason) : IOException($"'{host}' is not allowed: {reason}")
{
    public string Host { get; } = host;
}
