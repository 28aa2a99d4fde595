namespace Byoc.Core.Channels;

/// <summary>Why the front door refuses a request; each member's value is the HTTP status the door answers with.</summary>
public enum InboundRefusalKind
{
    /// <summary>400: authentic, but the body or a field is not what the platform's format allows.</summary>
    Malformed = 400,

    /// <summary>401: the signature, token or secret is missing, wrong, or outside the replay window.</summary>
    Unauthenticated = 401,

    /// <summary>403: authenticated but not allowed, for example a verification handshake with the wrong verify token.</summary>
    Forbidden = 403,

    /// <summary>404: the channel has nothing at this path.</summary>
    NotFound = 404,

    /// <summary>405: the channel does not take this method at this path.</summary>
    MethodNotAllowed = 405,

    /// <summary>413: a file (or the body) is larger than allowed.</summary>
    PayloadTooLarge = 413,

    /// <summary>415: a file's (or the body's) type is not accepted.</summary>
    UnsupportedMediaType = 415,

    /// <summary>422: well-formed, but cannot be taken, for example a file URL the download policy refuses.</summary>
    Unprocessable = 422,

    /// <summary>502: something the request needs could not be fetched from the platform now; its retry may succeed.</summary>
    UpstreamFailure = 502,
}
