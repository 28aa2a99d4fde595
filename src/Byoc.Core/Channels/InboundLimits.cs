namespace Byoc.Core.Channels;

/// <summary>
/// What the front door checks before it reads a request's body, so that a platform's adapter never sees a body it
/// cannot take: the body's size (413 beyond <see cref="MaxBodyBytes"/>, checked before and while reading) and, for a
/// request with a body, its media type (415 unless it is one of <see cref="MediaTypes"/>). A request without a body
/// (a <c>GET</c> handshake) reaches the adapter whatever its <c>Content-Type</c>.
/// </summary>
/// <param name="MaxBodyBytes">The largest accepted body, in bytes.</param>
/// <param name="MediaTypes">The accepted media types in lower case, for example <c>application/json</c>.</param>
public sealed record InboundLimits(int MaxBodyBytes, IReadOnlyList<string> MediaTypes)
{
    /// <summary>The media type of a JSON body.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of a form body (Twilio, Slack's interactivity endpoint).</summary>
    public const string Form = "application/x-www-form-urlencoded";
}
