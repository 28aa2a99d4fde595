using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Events;

/// <summary>The event bus (Pub/Sub topics) and <see cref="IConversationEvents"/>, the outbound path every feature speaks through.</summary>
internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddConversationEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventBus>();
        services.AddSingleton<IConversationEvents, ConversationEventPublisher>();
        return services;
    }
}
