using System.Diagnostics;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>Named pipes as inputs that hang whoever opens them until the test lets go.</summary>
public static class Fifo
{
    public static void Make(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>
    /// Opens the pipe read-write (which never blocks on Linux and counts as a writer) and closes it, so
    /// readers blocked in open() get an empty file and end.
    /// </summary>
    public static void Release(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
    }
}
