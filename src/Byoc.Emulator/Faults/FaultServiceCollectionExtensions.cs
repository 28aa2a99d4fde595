namespace Byoc.Emulator.Faults;

/// <summary>Fault injection (off by default).</summary>
internal static class FaultServiceCollectionExtensions
{
    public static IServiceCollection AddFaultInjection(this IServiceCollection services)
    {
        services.AddSingleton<FaultInjector>();
        services.AddHostedService<TokenRevocationWorker>();
        return services;
    }
}
