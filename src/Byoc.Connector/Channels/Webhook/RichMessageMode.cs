namespace Byoc.Connector.Channels.Webhook;

/// <summary>How a webhook channel receives structured messages.</summary>
internal enum RichMessageMode
{
    /// <summary>Structured JSON: the platform renders buttons, links and notices itself.</summary>
    Native,

    /// <summary>Readable text only, for platforms that show nothing but text.</summary>
    Text,
}
