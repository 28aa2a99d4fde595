namespace Byoc.Core.Channels;

/// <summary>
/// The platform-independent steps the front door offers an adapter while it handles one request. Everything here is
/// scoped to the request's channel: the duplicate check looks at that channel's inbox, files get the connector's type
/// and size rules, and typed answers match the choices offered on that channel.
/// </summary>
public interface IInboundContext
{
    /// <summary>
    /// Whether a message with this platform id was stored on the channel before (the inbox's de-duplication key). Ask
    /// before costly work for a platform's retry, such as downloading its file again; leave such a message out and
    /// count it in <see cref="InboundResult.AlreadyStored"/>.
    /// </summary>
    Task<bool> IsStoredAsync(string platformMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a file the request carried inline (for example base64 in a JSON body) after the connector's checks (a
    /// listed MIME type, declared or implied by <paramref name="name"/>; not empty; at most the inbound size limit).
    /// </summary>
    Task<InboundFileResult> SaveFileAsync(string? name, string? mimeType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads a file from the platform and stores it after the same checks as <see cref="SaveFileAsync"/>, through
    /// the connector's guarded downloader: only http(s), only hosts <paramref name="policy"/> allows, only public
    /// addresses (unless the policy names an operator-configured origin), redirects re-checked, size and time capped.
    /// The MIME type must be known before the download (declared, or implied by the name or the URL's file name).
    /// </summary>
    Task<InboundFileResult> DownloadFileAsync(Uri url, string? name, string? mimeType, DownloadPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// For text-only platforms: the end user's typed text as a pick of the latest choices offered to them and not yet
    /// answered (its number, or its title ignoring case), or null. The offer is marked answered once the door has
    /// committed the request's messages, so a platform's retry of the same message is still the same pick.
    /// </summary>
    Task<ChoiceMatch?> MatchChoiceAsync(string platformUserId, string? text, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> after the door has committed the request's messages and before it answers (for
    /// example answering a button tap on the platform). A failing action is logged; the messages stay stored.
    /// </summary>
    void AfterCommit(Func<CancellationToken, Task> action);
}
