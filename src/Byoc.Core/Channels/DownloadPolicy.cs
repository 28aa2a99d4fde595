using System.Net.Http.Headers;

namespace Byoc.Core.Channels;

/// <summary>
/// Where and how the guarded downloader may fetch one platform's files (<see cref="IInboundContext.DownloadFileAsync"/>).
/// An adapter builds one per channel from its options.
/// </summary>
public sealed record DownloadPolicy
{
    /// <summary>The connector's own allow-list (<c>Connector:Attachments:AllowedHosts</c>), no credentials, nothing private: for URLs an end user supplies.</summary>
    public static DownloadPolicy Default { get; } = new();

    /// <summary>
    /// Host names the download (and every redirect) may go to; <c>*.example.com</c> matches every subdomain. Null: the
    /// connector's <c>Connector:Attachments:AllowedHosts</c>.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>
    /// An origin (scheme, host and port) the operator configured, such as the platform's API base URL, that may be on a
    /// private address (a self-hosted Bot API server, or a platform's local fake). Never set it from a URL the platform
    /// or its end user supplied: every other connection must go to a public address.
    /// </summary>
    public Uri? TrustedOrigin { get; init; }

    /// <summary>
    /// The platform's credentials (basic auth for Twilio, a bearer token for Meta, Slack and LINE). Sent only to the
    /// origin of the first URL, never after a redirect to another origin (a media redirect to a storage host).
    /// </summary>
    public AuthenticationHeaderValue? Authorization { get; init; }
}
