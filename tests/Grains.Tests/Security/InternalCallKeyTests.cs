using OrleansBatch.Grains.Security;

namespace OrleansBatch.Grains.Tests.Security;

public class InternalCallKeyTests
{
    private const string Account = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    [Fact]
    public void Every_process_of_one_storage_account_derives_the_same_key_however_its_connection_string_is_written()
    {
        var silo = InternalCallKey.ForStorageAccount(Account);
        // The gateway's copy names the table endpoint too, in another order, with spaces.
        var gateway = InternalCallKey.ForStorageAccount(" TableEndpoint=http://127.0.0.1:10002/devstoreaccount1; AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==; AccountName=devstoreaccount1");

        Assert.Equal(silo.Value, gateway.Value);
        Assert.True(silo.Admits(gateway.Value));
        // The key is derived: the account key itself never travels in a grain call.
        Assert.DoesNotContain("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", silo.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_account_key_a_forged_value_or_none_is_not_admitted()
    {
        var key = InternalCallKey.ForStorageAccount(Account);
        var other = InternalCallKey.ForStorageAccount(Account.Replace("AccountKey=Eby8", "AccountKey=Xby8", StringComparison.Ordinal));

        Assert.NotEqual(key.Value, other.Value);
        Assert.False(key.Admits(other.Value));
        Assert.False(key.Admits(null));
        Assert.False(key.Admits(""));
        Assert.False(key.Admits(key.Value + "x"));
        Assert.False(InternalCallKey.ForProcess().Admits(key.Value));
        Assert.True(InternalCallKey.ForProcess().Admits(InternalCallKey.ForProcess().Value));
    }
}
