using System.Diagnostics;

namespace OrleansBatch.Bench.Jobs;

/// <summary>
/// This benchmark as built at the commit before the move onto Orleans (its own silo on the home-made grain runtime),
/// run as a child process part by part, so before and after are measured in one run on the same machine.
/// </summary>
public sealed class BeforeBench(string dll, int bigMb, int workers)
{
    public Figures Figures { get; } = new();

    /// <summary>Runs one part of the old benchmark; its lines are echoed with a <c>before |</c> prefix and read.</summary>
    public async Task RunAsync(string part)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(bigMb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(part);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"before | {line}");
            Figures.Read(line, workers);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The before benchmark ({dll}) failed on part {part}: exit code {process.ExitCode}.");
    }
}
