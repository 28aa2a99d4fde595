using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>One configured Telegram bot: its adapters, and its settings and Bot API client for the webhook registration.</summary>
internal sealed record TelegramChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    Uri? PublicBaseUrl,
    TelegramEndpointOptions Settings,
    TelegramBot Bot) : IChannel;
