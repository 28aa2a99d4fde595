namespace Byoc.Emulator.Interactions;

/// <summary>The Interaction Service API's services (validation, conversations, attachments, capabilities, inbound dispatch).</summary>
internal static class InteractionServiceCollectionExtensions
{
    public static IServiceCollection AddInteractionService(this IServiceCollection services)
    {
        services.AddSingleton<ScrtRequestValidator>();
        services.AddSingleton<ChannelResolver>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<ChannelCapabilities>();
        services.AddSingleton<Conversations.IChannelCapabilities>(sp => sp.GetRequiredService<ChannelCapabilities>());
        services.AddSingleton<InboundDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundDispatcher>());
        services.AddSingleton<RoutingAttributes>();
        return services;
    }
}
