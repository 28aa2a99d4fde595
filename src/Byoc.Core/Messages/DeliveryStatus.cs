namespace Byoc.Core.Messages;

/// <summary>The canonical delivery status of an outbound message, as reported by a platform.</summary>
public enum DeliveryStatus
{
    /// <summary>The platform delivered the message to the end user's device.</summary>
    Delivered,

    /// <summary>The end user read the message.</summary>
    Read,

    /// <summary>The platform could not deliver the message.</summary>
    Failed,
}
