using OrleansBatch.Scoring.Native;

namespace OrleansBatch.Scoring.Tests.Native;

public sealed class OrtLibraryLocatorTests
{
    [Fact]
    public void An_explicit_path_that_does_not_exist_names_the_file_and_the_fix()
    {
        var error = Assert.Throws<DllNotFoundException>(() => OrtLibraryLocator.Locate("/nowhere/libonnxruntime.so.1"));

        Assert.Contains("/nowhere/libonnxruntime.so.1", error.Message);
        Assert.Contains(OrtLibraryLocator.OverrideVariable, error.Message);
    }

    [Fact]
    public void The_build_puts_the_library_beside_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, OrtLibraryLocator.FileName)));
    }
}
