namespace Byoc.Connector.Channels;

/// <summary>The outcome of checking a signed file link.</summary>
internal enum FileLinkCheck
{
    /// <summary>The signature matches and the link has not expired.</summary>
    Valid,

    /// <summary><c>expires</c> or <c>signature</c> is missing or unreadable.</summary>
    Malformed,

    /// <summary>The signature does not match the channel, file id and expiry.</summary>
    BadSignature,

    /// <summary>The signature matches but the expiry has passed.</summary>
    Expired,
}
