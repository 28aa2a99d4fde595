using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>Registers the WhatsApp Cloud API channels (Meta).</summary>
internal static class WhatsAppChannelExtensions
{
    public static IHostApplicationBuilder AddWhatsAppChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<WhatsAppChannelOptions>().BindConfiguration(WhatsAppChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppChannelOptions>, WhatsAppChannelOptionsValidator>();
        // A plain typed client: Meta ships no official .NET SDK for the Cloud API, and the base URL must point at a fake in
        // tests. No resilience handler: a retried POST could send a message twice, so the outbox retries instead.
        services.AddHttpClient(WhatsAppChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<IChannelSource, WhatsAppChannelSource>();
        return builder;
    }
}
