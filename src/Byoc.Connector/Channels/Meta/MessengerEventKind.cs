namespace Byoc.Connector.Channels.Meta;

/// <summary>The kinds of Messenger webhook items the channel reads.</summary>
internal enum MessengerEventKind
{
    /// <summary>The end user's message: text, a quick reply, files.</summary>
    Message,

    /// <summary>The end user tapped a postback button (of a button template).</summary>
    Postback,

    /// <summary>A delivery watermark.</summary>
    Delivery,

    /// <summary>A read watermark.</summary>
    Read,
}
