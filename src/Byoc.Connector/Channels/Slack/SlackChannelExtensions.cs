using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Slack;

/// <summary>Registers the Slack app channels.</summary>
internal static class SlackChannelExtensions
{
    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<SlackChannelOptions>().BindConfiguration(SlackChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackChannelOptions>, SlackChannelOptionsValidator>();
        // A plain client: Slack ships no .NET SDK, and the base URL must point at a fake in tests. No resilience handler:
        // a retried chat.postMessage could post twice, so the outbox retries instead, no sooner than Slack's Retry-After.
        services.AddHttpClient(SlackChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<IChannelSource, SlackChannelSource>();
        return builder;
    }
}
