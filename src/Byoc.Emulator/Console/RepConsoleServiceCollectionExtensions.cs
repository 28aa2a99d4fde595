using Byoc.Emulator.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Emulator.Console;

/// <summary>Registers the rep console (page, rep API and its SSE stream).</summary>
internal static class RepConsoleServiceCollectionExtensions
{
    /// <summary>Adds the rep console; also adds routing and the agents (<c>AddRoutingAndAgents</c>).</summary>
    public static IServiceCollection AddRepConsole(this IServiceCollection services)
    {
        services.AddRoutingAndAgents();
        services.TryAddSingleton<RepConsole>();
        services.TryAddSingleton<RepConsoleEvents>();
        return services;
    }
}
