namespace OrleansBatch.Client.Tests;

/// <summary>Counts the tries that reach the real transport beneath it.</summary>
public sealed class SendCounter : DelegatingHandler
{
    private int _sends;

    public SendCounter(HttpMessageHandler inner) : base(inner)
    {
    }

    public int Sends => Volatile.Read(ref _sends);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sends);
        return base.SendAsync(request, cancellationToken);
    }
}
