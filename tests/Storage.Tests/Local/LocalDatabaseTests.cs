using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class LocalDatabaseTests : IDisposable
{
    private readonly LocalDataDirectory _data = new();

    [Fact]
    public void Opening_creates_the_database_file_in_wal_mode_and_the_files_folder()
    {
        var database = _data.Open();

        Assert.True(File.Exists(Path.Combine(_data.Path, LocalDatabase.FileName)));
        Assert.True(Directory.Exists(Path.Combine(_data.Path, "files")));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, LocalDatabase.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(Path.Combine(_data.Path, "files"), database.FilesDirectory);
    }

    [Fact]
    public void Opening_twice_on_one_directory_keeps_the_schema()
    {
        _data.Open();

        var second = _data.Open();

        Assert.Equal(_data.Path, second.DataDirectory);
    }

    [Fact]
    public async Task A_write_waits_for_another_connections_write_lock_and_then_succeeds()
    {
        var store = new SqliteGrainStateStore(_data.Open());
        using var other = new SqliteConnection($"Data Source={Path.Combine(_data.Path, LocalDatabase.FileName)};Pooling=False");
        other.Open();
        var hold = other.BeginTransaction(deferred: false);

        var write = Task.Run(() => store.WriteAsync(new StateKey("endpoint", "acme", "e"), "{}", 1, null));
        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        hold.Commit();

        Assert.Equal(1, (await write).Version);
    }

    [Fact]
    public void A_data_directory_that_cannot_be_created_fails_with_an_actionable_message()
    {
        Directory.CreateDirectory(_data.Path);
        var blocker = Path.Combine(_data.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var error = Assert.Throws<OptionsValidationException>(() => new LocalDatabase(new LocalStorageOptions { DataDirectory = Path.Combine(blocker, "data") }));

        Assert.Contains("LocalStorage:DataDirectory", error.Message);
        Assert.Contains("not writable", error.Message);
    }

    [Fact]
    public void An_empty_data_directory_setting_fails_with_an_actionable_message()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new LocalDatabase(new LocalStorageOptions()));

        Assert.Contains("LocalStorage:DataDirectory is not set", error.Message);
    }

    public void Dispose() => _data.Dispose();
}
