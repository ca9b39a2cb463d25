using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Api.Hosting;

/// <summary>
/// The platform admin key: <c>OBATCH_ADMIN_KEY</c> when set; otherwise read from <c>&lt;data dir&gt;/admin.key</c>,
/// which is generated (mode 0600) and printed once at the first start. Compared in fixed time.
/// </summary>
internal sealed class PlatformAdminKey
{
    public const string FileName = "admin.key";

    private readonly byte[] _hash;

    public PlatformAdminKey(IOptions<GatewayOptions> options, ILogger<PlatformAdminKey> logger)
    {
        var key = options.Value.AdminKey ?? LoadOrCreate(options.Value.DataDirectory, logger);
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(_hash))[..16];
    }

    /// <summary>Names the current key without revealing it (a hash of its hash), so a dashboard session ends when the key changes.</summary>
    public string Fingerprint { get; }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);

    private static string LoadOrCreate(string dataDirectory, ILogger logger)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

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
            return File.ReadAllText(path).Trim();
        }
        GatewayLog.AdminKeyGenerated(logger, path);
        Console.WriteLine($"Platform admin key (shown once; also in {path}): {key}");
        return key;
    }
}
