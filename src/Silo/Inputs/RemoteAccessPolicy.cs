using System.Net;
using System.Net.Sockets;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Which remote hosts job inputs and outputs may reach (besides the configured storage account, which
/// <see cref="BlobInputs"/> handles on its own): those named in <c>OBATCH_ALLOWED_HOSTS</c>, comma-separated
/// host names or addresses, or <c>*.example.com</c> for a domain and every host under it. A host listed by name or address
/// is trusted as listed; a host allowed by a <c>*.</c> pattern must resolve to public addresses only, checked on
/// every connection after DNS resolution (no rebinding window). Redirects are never followed. An allowed host
/// that does not answer within <c>OBATCH_REMOTE_TIMEOUT</c> seconds (default 5) is unreachable. Remote URLs are
/// https only, except for the hosts named in <c>OBATCH_ALLOWED_HTTP_HOSTS</c> (a storage emulator on a private
/// network or loopback; a SAS travels in clear there), which are allowed over http and https.
/// </summary>
public sealed class RemoteAccessPolicy
{
    public const string AllowedHostsKey = "OBATCH_ALLOWED_HOSTS";
    public const string TimeoutKey = "OBATCH_REMOTE_TIMEOUT";
    public const string AllowedHttpHostsKey = "OBATCH_ALLOWED_HTTP_HOSTS";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<IPAddress> _addresses = [];
    private readonly List<string> _suffixes = [];
    private readonly HashSet<string> _httpHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<HttpClient> _client;

    /// <param name="allowedHosts">Hosts reached over https: names, addresses, or <c>*.</c> patterns.</param>
    /// <param name="timeout">How long a remote host may take to answer.</param>
    /// <param name="httpHosts">Hosts (names or addresses, no patterns) also reached over plain http; they are allowed as if listed in <paramref name="allowedHosts"/>.</param>
    public RemoteAccessPolicy(IEnumerable<string> allowedHosts, TimeSpan timeout, IEnumerable<string>? httpHosts = null)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"{TimeoutKey} must be a positive number of seconds.");
        Timeout = timeout;
        foreach (var entry in (httpHosts ?? []).Select(h => h.Trim().Trim('[', ']')).Where(h => h.Length > 0))
        {
            if (entry.Contains('*', StringComparison.Ordinal))
                throw new InvalidOperationException($"{AllowedHttpHostsKey}: '{entry}' is a pattern; name each host reached over plain http (such as 127.0.0.1 for a local storage emulator).");
            _httpHosts.Add(IPAddress.TryParse(entry, out var address) ? Canonical(address).ToString() : entry.TrimEnd('.'));
        }
        foreach (var entry in allowedHosts.Concat(_httpHosts).Select(h => h.Trim()).Where(h => h.Length > 0))
        {
            var host = entry.Trim('[', ']');
            if (host.StartsWith("*.", StringComparison.Ordinal))
                _suffixes.Add(host[1..]);
            else if (IPAddress.TryParse(host, out var address))
                _addresses.Add(Canonical(address));
            else
                _names.Add(host);
        }
        _client = new Lazy<HttpClient>(() => new HttpClient(CreateHandler(), disposeHandler: true));
    }

    /// <summary>The policy configured by <c>OBATCH_ALLOWED_HOSTS</c> and <c>OBATCH_REMOTE_TIMEOUT</c> (nothing allowed when unset).</summary>
    public static RemoteAccessPolicy From(IConfiguration? configuration)
    {
        var hosts = (configuration?[AllowedHostsKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var httpHosts = (configuration?[AllowedHttpHostsKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seconds = configuration?[TimeoutKey];
        if (string.IsNullOrWhiteSpace(seconds))
            return new RemoteAccessPolicy(hosts, DefaultTimeout, httpHosts);
        if (!double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 300)
            throw new InvalidOperationException($"{TimeoutKey}='{seconds}' is not a wait in seconds: use a number from 0.1 to 300 (default {DefaultTimeout.TotalSeconds}).");
        return new RemoteAccessPolicy(hosts, TimeSpan.FromSeconds(value), httpHosts);
    }

    /// <summary>How long an invoke waits for a remote host before the input is <c>InputUnreachable</c>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>An HTTP client that connects only where this policy allows and follows no redirect; shared by every remote blob client.</summary>
    public HttpClient Client => _client.Value;

    /// <summary>
    /// A client for a container of another account (<paramref name="containerUri"/> carries the caller's SAS) whose every
    /// request goes through <see cref="Client"/>: allowed hosts only, addresses checked after resolution, no redirects.
    /// </summary>
    public BlobContainerClient Container(Uri containerUri)
    {
        var options = new BlobClientOptions { Transport = new HttpClientTransport(Client) };
        options.Retry.MaxRetries = 2;
        return new BlobContainerClient(containerUri, options);
    }

    /// <summary>Refuses (400 <paramref name="code"/>) a URL whose host is not allowed, before anything is sent.</summary>
    public void Check(Uri uri, string field, string code)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsAllowed(uri.IdnHost))
            throw DomainException.Invalid(code, $"{field}: host '{uri.Host}' is not allowed. Remote inputs and outputs reach only the configured storage account and the hosts in {AllowedHostsKey}; ask the operator to add it.");
    }

    /// <summary>Whether <paramref name="uri"/> may be used: https to an allowed host, or http to a host of <c>OBATCH_ALLOWED_HTTP_HOSTS</c>.</summary>
    public bool AllowsScheme(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme == Uri.UriSchemeHttps)
            return true;
        var host = uri.IdnHost.Trim('[', ']');
        return uri.Scheme == Uri.UriSchemeHttp
            && _httpHosts.Contains(IPAddress.TryParse(host, out var address) ? Canonical(address).ToString() : host.TrimEnd('.'));
    }

    /// <summary>Whether <paramref name="host"/> is listed, by name, address or <c>*.</c> pattern.</summary>
    public bool IsAllowed(string host) => IsListed(host) || MatchesPattern(host);

    private bool IsListed(string host)
    {
        host = host.Trim('[', ']');
        return IPAddress.TryParse(host, out var address) ? _addresses.Contains(Canonical(address)) : _names.Contains(host.TrimEnd('.'));
    }

    /// <summary>A <c>*.example.com</c> pattern covers example.com and every host under it; never an address.</summary>
    private bool MatchesPattern(string host)
    {
        host = host.TrimEnd('.');
        return !IPAddress.TryParse(host.Trim('[', ']'), out _)
            && _suffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase) || host.Equals(s[1..], StringComparison.OrdinalIgnoreCase));
    }

    private SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Resolves, checks every address, then connects: the address checked is the address used.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        if (!IsAllowed(host))
            throw new RemoteHostRefusedException(host, $"it is not in {AllowedHostsKey}");
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (!IsListed(host) && addresses.FirstOrDefault(NonPublicAddresses.Contains) is { } inner)
            throw new RemoteHostRefusedException(host, $"it resolves to the non-public address {inner}; list the host itself in {AllowedHostsKey} to allow it");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
