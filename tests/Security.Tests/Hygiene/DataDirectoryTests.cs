using System.Diagnostics;
using OrleansBatch.Security.Tests.Support;

namespace OrleansBatch.Security.Tests.Hygiene;

/// <summary>The data directory was world-readable and a killed upload's temp files stayed for ever.</summary>
public sealed class DataDirectoryTests
{
    [Fact]
    public async Task The_data_directory_is_private_and_a_dead_processes_temp_files_are_removed_at_start()
    {
        if (OperatingSystem.IsWindows())
            return; // modes and process ids as on Linux
        var data = Directory.CreateTempSubdirectory("obatch-sec-hyg-").FullName;
        try
        {
            var dead = await DeadProcessIdAsync();
            var tmp = Directory.CreateDirectory(Path.Combine(data, "tmp")).FullName;
            File.WriteAllText(Path.Combine(tmp, $"{dead}-abandoned"), "half an upload");
            Directory.CreateDirectory(Path.Combine(tmp, $"{dead}-model-abandoned"));
            File.WriteAllText(Path.Combine(tmp, $"{Environment.ProcessId}-live"), "a live writer's file");

            using (var gateway = LimitedGateway.On(data))
            {
                using var client = await gateway.ContributorAsync();
                using var upload = new MultipartFormDataContent { { new StringContent("a,b\n1,2\n"), "file", "x.csv" } };
                (await client.PostAsync("/v1/uploads", upload)).EnsureSuccessStatusCode();

                Assert.False(File.Exists(Path.Combine(tmp, $"{dead}-abandoned")));
                Assert.False(Directory.Exists(Path.Combine(tmp, $"{dead}-model-abandoned")));
                Assert.True(File.Exists(Path.Combine(tmp, $"{Environment.ProcessId}-live")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
                var stored = Directory.EnumerateFiles(Path.Combine(data, "files"), "x.csv", SearchOption.AllDirectories).Single();
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
                foreach (var file in Directory.EnumerateFiles(data).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
                    Assert.True((File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0, $"{Path.GetFileName(file)} is readable by others");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The id of a process that has exited (started and waited for here).</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
