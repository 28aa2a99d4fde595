namespace Byoc.Core.Channels;

/// <summary>
/// What the front door answers a request it accepted with: what the platform expects. <see cref="Accepted"/> (202 with
/// <c>{"stored": n, "duplicates": n}</c>) is the default for requests that carried messages.
/// </summary>
public sealed record InboundReply
{
    private InboundReply(int statusCode, string? contentType, string? body, bool reportsCounts)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        ReportsCounts = reportsCounts;
    }

    /// <summary>202 with the JSON body <c>{"stored": n, "duplicates": n}</c>: how many messages are new, and how many were stored before.</summary>
    public static InboundReply Accepted { get; } = new(202, null, null, reportsCounts: true);

    /// <summary>The HTTP status, always 2xx.</summary>
    public int StatusCode { get; }

    /// <summary>The response's content type, when it has a body.</summary>
    public string? ContentType { get; }

    /// <summary>The response body; null for none (or for the counts of <see cref="Accepted"/>).</summary>
    public string? Body { get; }

    /// <summary>True for <see cref="Accepted"/>: the door writes the stored and duplicate counts.</summary>
    public bool ReportsCounts { get; }

    /// <summary>A status without a body: 200 by default (Telegram, LINE, Meta), or 204.</summary>
    public static InboundReply Empty(int statusCode = 200) => new(Check(statusCode), null, null, reportsCounts: false);

    /// <summary>A <c>text/plain</c> body, for example an echoed verification challenge.</summary>
    public static InboundReply Text(string body, int statusCode = 200) => Content(body, "text/plain; charset=utf-8", statusCode);

    /// <summary>A <c>text/xml</c> body, for example TwiML's empty <c>&lt;Response/&gt;</c>.</summary>
    public static InboundReply Xml(string body, int statusCode = 200) => Content(body, "text/xml; charset=utf-8", statusCode);

    /// <summary>An <c>application/json</c> body.</summary>
    public static InboundReply Json(string body, int statusCode = 200) => Content(body, "application/json; charset=utf-8", statusCode);

    /// <summary>A body of any content type.</summary>
    public static InboundReply Content(string body, string contentType, int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new(Check(statusCode), contentType, body, reportsCounts: false);
    }

    private static int Check(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 299);
        return statusCode;
    }
}
