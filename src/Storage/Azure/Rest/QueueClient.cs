using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// One queue over the Queue service REST API: create, put, get with a visibility timeout, peek, update
/// visibility, delete, approximate count. Visibility timeouts have a granularity of one second.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The longest visibility timeout the service allows.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly StoragePipeline _pipeline;

    internal QueueClient(StoragePipeline pipeline, string name)
    {
        ContainerName.Validate(name, nameof(name));
        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Creates the queue unless it exists; true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Put, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Delete, Name);
        await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds a message (its text must be valid XML content, at most 64 KiB), hidden for <paramref name="initialVisibility"/>,
    /// kept until deleted unless <paramref name="timeToLive"/> is given.
    /// </summary>
    public async Task<StorageQueueMessage> SendMessageAsync(string text, TimeSpan? initialVisibility = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = new List<(string, string)> { ("messagettl", timeToLive is { } ttl ? Seconds(ttl) : "-1") };
        if (initialVisibility is { } visibility)
            query.Add(("visibilitytimeout", Seconds(visibility)));
        using var message = _pipeline.Create(RequestMethod.Post, $"{Name}/messages", [.. query]);
        var body = new XElement("QueueMessage", new XElement("MessageText", text)).ToString(SaveOptions.DisableFormatting);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return ParseMessages(response.Content.ToString(), text).Single();
    }

    /// <summary>Takes up to <paramref name="maxMessages"/> (1 to 32) visible messages and hides them for <paramref name="visibility"/> (at least 1 s).</summary>
    public async Task<IReadOnlyList<StorageQueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using var message = _pipeline.Create(RequestMethod.Get, $"{Name}/messages",
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)), ("visibilitytimeout", Seconds(visibility, minimum: 1)));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return ParseMessages(response.Content.ToString(), null);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without hiding them.</summary>
    public async Task<IReadOnlyList<StorageQueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using var message = _pipeline.Create(RequestMethod.Get, $"{Name}/messages",
            ("peekonly", "true"), ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return ParseMessages(response.Content.ToString(), null);
    }

    /// <summary>
    /// Hides a held message for <paramref name="visibility"/> from now (0 shows it at once). Needs the current pop
    /// receipt and returns the new one; 404 <c>MessageNotFound</c> or 400 <c>PopReceiptMismatch</c> when the holding was lost.
    /// </summary>
    public async Task<QueueVisibility> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.Create(RequestMethod.Put, $"{Name}/messages/{Uri.EscapeDataString(messageId)}",
            ("popreceipt", popReceipt), ("visibilitytimeout", Seconds(visibility)));
        var response = await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
        return new QueueVisibility(
            receipt ?? throw new InvalidOperationException("The queue service updated a message without returning a pop receipt."),
            next is null ? DateTimeOffset.UtcNow + visibility : StorageHeaders.ParseDate(next));
    }

    /// <summary>Deletes a held message; 404 <c>MessageNotFound</c> or 400 <c>PopReceiptMismatch</c> when the holding was lost.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.Create(RequestMethod.Delete, $"{Name}/messages/{Uri.EscapeDataString(messageId)}", ("popreceipt", popReceipt));
        await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>The service's approximate number of messages in the queue, hidden ones included.</summary>
    public async Task<long> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Get, Name, ("comp", "metadata"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count) ? long.Parse(count, CultureInfo.InvariantCulture) : 0;
    }

    private static string Seconds(TimeSpan span, int minimum = 0)
    {
        if (span < TimeSpan.Zero || span > MaxVisibility)
            throw new ArgumentOutOfRangeException(nameof(span), span, "A queue time span must lie between 0 and 7 days.");
        // Round up: the service counts whole seconds, and hiding a little longer is the safe side.
        return Math.Max(minimum, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static List<StorageQueueMessage> ParseMessages(string xml, string? sentText)
    {
        var root = XDocument.Parse(xml).Root;
        return (root?.Elements("QueueMessage") ?? []).Select(m => new StorageQueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")?.Value,
            m.Element("MessageText")?.Value ?? sentText ?? "",
            int.TryParse(m.Element("DequeueCount")?.Value, out var count) ? count : 0,
            m.Element("InsertionTime") is { } inserted ? StorageHeaders.ParseDate(inserted.Value) : default,
            m.Element("TimeNextVisible") is { } next ? StorageHeaders.ParseDate(next.Value) : null)).ToList();
    }
}
