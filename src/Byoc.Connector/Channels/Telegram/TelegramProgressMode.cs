namespace Byoc.Connector.Channels.Telegram;

/// <summary>How a Telegram channel shows an Agentforce progress indicator ("working on it").</summary>
public enum TelegramProgressMode
{
    /// <summary>As the bot "typing…", refreshed like an agent's typing until the next message.</summary>
    Typing,

    /// <summary>As a short text message with the indicator's text.</summary>
    Text,
}
