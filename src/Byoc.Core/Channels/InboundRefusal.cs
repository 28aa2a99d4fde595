namespace Byoc.Core.Channels;

/// <summary>A refusal the front door answers as a problem (<c>application/problem+json</c>) with this title and detail.</summary>
/// <param name="Kind">Why; decides the HTTP status.</param>
/// <param name="Title">A short, fixed summary, for example <c>Invalid signature</c>.</param>
/// <param name="Detail">What exactly is wrong, worded for the platform's developer; never contains secrets.</param>
public sealed record InboundRefusal(InboundRefusalKind Kind, string Title, string Detail)
{
    /// <summary>The HTTP status the door answers with.</summary>
    public int StatusCode => (int)Kind;
}
