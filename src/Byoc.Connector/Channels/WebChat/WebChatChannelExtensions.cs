using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>Registers the web chat channels and the live event hub (the chat log store comes with the connector's storage).</summary>
internal static class WebChatChannelExtensions
{
    public static IHostApplicationBuilder AddWebChatChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebChatChannelOptions>().BindConfiguration(WebChatChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatChannelOptions>, WebChatChannelOptionsValidator>();
        services.AddSingleton<WebChatHub>();
        services.AddSingleton<IChannelSource, WebChatChannelSource>();
        return builder;
    }
}
