using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>Registers the Facebook Messenger channels (Meta).</summary>
internal static class MessengerChannelExtensions
{
    public static IHostApplicationBuilder AddMessengerChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<MessengerChannelOptions>().BindConfiguration(MessengerChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessengerChannelOptions>, MessengerChannelOptionsValidator>();
        // As for WhatsApp: a plain client pointed at Graph or a fake, and no resilience handler (a retried POST could send a
        // message twice; the outbox retries instead).
        services.AddHttpClient(MessengerChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<IChannelSource, MessengerChannelSource>();
        return builder;
    }
}
