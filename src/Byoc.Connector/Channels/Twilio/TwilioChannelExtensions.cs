using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>Registers the Twilio channels (SMS, MMS, WhatsApp).</summary>
internal static class TwilioChannelExtensions
{
    public static IHostApplicationBuilder AddTwilioChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<TwilioChannelOptions>().BindConfiguration(TwilioChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioChannelOptions>, TwilioChannelOptionsValidator>();
        // Twilio's library validates the webhook signatures; the REST calls use this plain typed client instead, as the
        // library's client builds api.twilio.com URLs itself and the base URL must point at a fake in tests. No
        // resilience handler: a retried create could send an SMS twice, so the outbox retries, no sooner than Retry-After.
        services.AddHttpClient(TwilioChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<IChannelSource, TwilioChannelSource>();
        return builder;
    }
}
