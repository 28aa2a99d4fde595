namespace Byoc.Core.Channels;

/// <summary>Classifies an <see cref="InboundParseResult"/>.</summary>
public enum InboundParseStatus
{
    /// <summary>Authentic and well-formed.</summary>
    Accepted,

    /// <summary>Signature missing, wrong, or outside the replay window.</summary>
    Unauthenticated,

    /// <summary>Authentic but not understood.</summary>
    Malformed,
}
