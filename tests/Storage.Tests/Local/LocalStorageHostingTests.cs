using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class LocalStorageHostingTests : IDisposable
{
    private readonly LocalDataDirectory _data = new();

    private sealed record Counter(int Value);

    [Fact]
    public async Task A_host_with_local_storage_and_the_grain_runtime_starts_and_runs_a_grain_command()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLocalStorage(options => options.DataDirectory = _data.Path).AddRecords(options => options.MaxConflictRetries = 7);
        using var host = builder.Build();

        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<Records>();
        var id = new StateKey("counter", "acme", "c1");
        var value = await runtime.ExecuteAsync<Counter, int>(id, c => Outcome<Counter, int>.Write(new Counter((c.State?.Value ?? 0) + 1), (c.State?.Value ?? 0) + 1));
        await host.StopAsync();

        Assert.Equal(1, value);
        Assert.Same(host.Services.GetRequiredService<IGrainStateStore>(), runtime.Store);
        Assert.IsType<SqliteGrainStateStore>(runtime.Store);
        Assert.True(File.Exists(Path.Combine(_data.Path, LocalDatabase.FileName)));
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.IsType<FileArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(7, host.Services.GetRequiredService<IOptions<RecordsOptions>>().Value.MaxConflictRetries);
    }

    [Fact]
    public async Task A_host_whose_data_directory_is_not_writable_fails_to_start_with_the_setting_named()
    {
        Directory.CreateDirectory(_data.Path);
        var blocker = Path.Combine(_data.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLocalStorage(Path.Combine(blocker, "data"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LocalStorage:DataDirectory", error.Message);
    }

    public void Dispose() => _data.Dispose();
}
