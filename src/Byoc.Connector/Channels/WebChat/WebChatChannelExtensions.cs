using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>Registers the web chat channels, their chat log and the live event hub.</summary>
internal static class WebChatChannelExtensions
{
    public static IHostApplicationBuilder AddWebChatChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebChatChannelOptions>().BindConfiguration(WebChatChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatChannelOptions>, WebChatChannelOptionsValidator>();
        services.TryAddSingleton<IChatLogStore, SqliteChatLogStore>();
        services.AddSingleton<WebChatHub>();
        services.AddSingleton<IChannelSource, WebChatChannelSource>();
        return builder;
    }
}
