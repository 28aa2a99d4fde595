using Byoc.Emulator.Agents;
using Byoc.Emulator.Conversations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>Registers Omni-Channel routing and the Agentforce Service Agent simulator.</summary>
internal static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Adds routing (<see cref="IInboundEntryHandler"/>), the agent simulator and the inactivity worker. Needs an
    /// <c>OrgStore</c>, an <see cref="IConversationEvents"/> and an <see cref="IChannelCapabilities"/> registered by the host.
    /// Configuration: sections <c>Routing</c> (<see cref="RoutingOptions"/>) and <c>Agents</c> (<see cref="AgentOptions"/>).
    /// </summary>
    public static IServiceCollection AddRoutingAndAgents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateOnStart();
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, ValidateRoutingOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, ValidateAgentOptions>());
        services.AddHttpClient(LlmBrain.HttpClientName);
        services.TryAddSingleton<OmniChannel>();
        services.TryAddSingleton<SessionGate>();
        services.TryAddSingleton<ConversationDirectory>();
        services.TryAddSingleton<ChannelSettings>();
        services.TryAddSingleton<RoutingAnnouncer>();
        services.TryAddSingleton<InboundReceipts>();
        services.TryAddSingleton<InactivityMonitor>();
        services.TryAddSingleton<ReservationBook>();
        services.TryAddSingleton<ScriptedBrain>();
        services.TryAddSingleton<LlmBrain>();
        services.TryAddSingleton<AgentDefinitionLoader>();
        services.TryAddSingleton<AgentRuntime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundEntryHandler, OmniChannelInboundHandler>());
        services.AddHostedService<InactivityWorker>();
        return services;
    }
}
