using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Api.Hosting;

/// <summary>
/// The platform admin key: <c>OBATCH_ADMIN_KEY</c> when set; otherwise read from <c>&lt;data dir&gt;/admin.key</c>,
/// which is generated (mode 0600) at the first start. Only the file's path is ever printed or logged, never the key
/// (stdout ends up in service logs). Compared in fixed time.
/// </summary>
internal sealed class PlatformAdminKey
{
    public const string FileName = "admin.key";

    private readonly byte[] _hash;

    public PlatformAdminKey(IOptions<GatewayOptions> options, ILogger<PlatformAdminKey> logger)
    {
        var key = options.Value.AdminKey;
        if (key is null)
        {
            KeyFile = Path.Combine(options.Value.DataDirectory, FileName);
            (key, Generated) = LoadOrCreate(options.Value.DataDirectory, logger);
        }
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(_hash))[..16];
    }

    /// <summary>Names the current key without revealing it (a hash of its hash), so a dashboard session ends when the key changes.</summary>
    public string Fingerprint { get; }

    /// <summary>The file holding the key, or null when it comes from <c>OBATCH_ADMIN_KEY</c>.</summary>
    public string? KeyFile { get; }

    /// <summary>Whether this start generated the key (the first start on this data directory).</summary>
    public bool Generated { get; }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);

    private static (string Key, bool Generated) LoadOrCreate(string dataDirectory, ILogger logger)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
            return (File.ReadAllText(path).Trim(), false);

        // Write a temporary file and move it into place without overwriting: when two gateways start on
        // one directory at once, exactly one key wins and both read it.
        var key = "obadmin_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path: temporary, options: fileOptions))
            writer.Write(key);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return (File.ReadAllText(path).Trim(), false);
        }
        GatewayLog.AdminKeyGenerated(logger, path);
        return (key, true);
    }
}
