using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>Registers the generic webhook channels.</summary>
internal static class WebhookChannelExtensions
{
    public static IHostApplicationBuilder AddWebhookChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebhookChannelOptions>().BindConfiguration(WebhookChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookChannelOptions>, WebhookChannelOptionsValidator>();
        services.AddHttpClient(WebhookChannelSource.HttpClientName);
        services.AddSingleton<IChannelSource, WebhookChannelSource>();
        return builder;
    }
}
