using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Line;

/// <summary>Registers the LINE Messaging API channels.</summary>
internal static class LineChannelExtensions
{
    public static IHostApplicationBuilder AddLineChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<LineChannelOptions>().BindConfiguration(LineChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineChannelOptions>, LineChannelOptionsValidator>();
        // A plain typed client: LINE's .NET SDKs are community ones, and the base URLs must point at a fake in tests. No
        // resilience handler: the outbox retries, a push with its retry key and a reply not at all (its token is used).
        services.AddHttpClient(LineChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<IChannelSource, LineChannelSource>();
        return builder;
    }
}
