using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OrleansBatch.Grains.Security;

/// <summary>
/// The secret the platform's own processes put in every grain call they make (<see cref="InternalCallStamp"/>), which
/// admits them to <see cref="Abstractions.SiloInternalAttribute">silo-internal</see> grains. The embedded default is one
/// process: a random key, which no Orleans client connecting to its gateway can know. A cluster's silos and gateway
/// share a storage account: the key is derived from its account key, so only a process holding that key (which reads
/// every blob of the platform anyway) can make such a call.
/// </summary>
public sealed class InternalCallKey
{
    /// <summary>The <see cref="Orleans.Runtime.RequestContext"/> key the secret travels under.</summary>
    public const string RequestContextKey = "obatch-internal";

    private static readonly string ProcessSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private InternalCallKey(string value) => Value = value;

    public string Value { get; }

    /// <summary>The key of this process (the embedded default; a test cluster of silos in one process).</summary>
    public static InternalCallKey ForProcess() => new(ProcessSecret);

    /// <summary>The key of every process using the storage account of <paramref name="connectionString"/>, however the rest of the string is written.</summary>
    public static InternalCallKey ForStorageAccount(string? connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var secret = Setting(connectionString, "AccountKey") ?? Setting(connectionString, "SharedAccessSignature") ?? connectionString.Trim();
        return new(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "obatch-internal-grain-calls"u8)));
    }

    /// <summary>Whether <paramref name="value"/> (from a call's request context) is this key.</summary>
    public bool Admits(object? value) =>
        value is string text && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(text.AsSpan()), MemoryMarshal.AsBytes(Value.AsSpan()));

    private static string? Setting(string connectionString, string name) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => part.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            .Select(part => part[(name.Length + 1)..])
            .FirstOrDefault();
}
