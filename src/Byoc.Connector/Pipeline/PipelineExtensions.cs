using Byoc.Connector.Salesforce.PubSub;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Pipeline;

/// <summary>Registers the inbound and outbound pipelines and the channel registry.</summary>
internal static class PipelineExtensions
{
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton(sp => new ChannelRegistry(() => sp.GetServices<IChannelSource>().SelectMany(source => source.CreateChannels())));
        services.AddHostedService<ChannelRegistryCheck>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboundIngestor>();
        services.AddSingleton<IPlatformEventHandler, OutboundEventHandler>();
        services.AddSingleton<InboundForwarderWorker>();
        services.AddSingleton<OutboundDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundForwarderWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboundDeliveryWorker>());
        services.AddSingleton(sp => new PipelineSettling(sp.GetRequiredService<OutboundDeliveryWorker>(), sp.GetRequiredService<InboundForwarderWorker>()));
        return builder;
    }
}
