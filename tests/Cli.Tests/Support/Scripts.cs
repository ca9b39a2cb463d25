using System.Diagnostics;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Cli.Tests.Support;

/// <summary>Runs a bash script as a user would, with the built <c>obatch</c> on PATH (a wrapper over <c>dotnet obatch.dll</c>).</summary>
public static class Scripts
{
    public static async Task<CliRun> RunBashAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var bin = Path.Combine(workingDirectory, ".test-bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "obatch");
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec \"{dotnet}\" \"{ObatchDll}\" \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // .NET ignores SIGPIPE and children inherit that; a user's shell does not (Azure's scripts rely on it:
        // `cat /dev/urandom | ... | head -n 1` ends only when cat dies of SIGPIPE).
        var start = new ProcessStartInfo("env") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--default-signal=PIPE");
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("OBATCH_ENDPOINT");
        start.Environment.Remove("OBATCH_API_KEY");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            // A guard against a hung script (not a timing assertion): stop it and show what it printed.
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{script} did not end:\n{await output}\n{await error}");
        }
        return new CliRun(process.ExitCode, await output, await error);
    }

    private static string ObatchDll => RepositoryPaths.Built("Cli", "obatch.dll");

    /// <summary>Copies a folder of the repository (recursively) into <paramref name="destination"/>.</summary>
    public static void CopyFolder(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
            if (file.EndsWith(".sh", StringComparison.Ordinal))
                File.SetUnixFileMode(Path.Combine(destination, Path.GetRelativePath(source, file)), File.GetUnixFileMode(file));
        }
    }
}
