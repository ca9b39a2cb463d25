namespace OrleansBatch.Client.Tests;

/// <summary>Mistakes in the caller's own arguments fail at once, with the argument named, before any request.</summary>
public class ArgumentValidationTests
{
    [Fact]
    public void Options_out_of_range_are_refused_with_the_property_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new OrleansBatchClient(new Uri("http://localhost/"), "key", new OrleansBatchClientOptions { MaxRetries = -1 }));

        Assert.Equal("MaxRetries", error.ParamName);
    }

    [Fact]
    public void An_endpoint_that_is_not_http_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrleansBatchClient(new Uri("ftp://localhost/"), "key"));

        Assert.Equal("endpoint", error.ParamName);
    }

    [Fact]
    public void UploadFile_from_a_folder_or_a_missing_path_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("obatch-client-");
        try
        {
            Assert.Throws<ArgumentException>(() => UploadFile.FromPath(folder.FullName));
            Assert.Throws<FileNotFoundException>(() => UploadFile.FromPath(Path.Combine(folder.FullName, "missing.csv")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
