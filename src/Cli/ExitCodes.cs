namespace OrleansBatch.Cli;

/// <summary>What <c>obatch</c> exits with, so that scripts can branch as they do on <c>az ml ... --query status</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Done; a job that was waited for Completed.</summary>
    public const int Success = 0;

    /// <summary>A job that was waited for Failed or was Canceled, or the gateway refused the operation (conflict, server error).</summary>
    public const int Failed = 1;

    /// <summary>The command line, a YAML file or a request was wrong: nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>No such resource, or the key is missing, wrong or lacks the role.</summary>
    public const int NotFoundOrAuth = 3;
}
