namespace Byoc.Emulator.PubSub;

/// <summary>Registers and maps the Pub/Sub API gRPC service (<c>eventbus.v1.PubSub</c>).</summary>
internal static class PubSubEndpoints
{
    public static IServiceCollection AddPubSub(this IServiceCollection services)
    {
        services.AddGrpc();
        services.AddSingleton<PubSubCallAuthenticator>();
        return services;
    }

    public static IEndpointRouteBuilder MapPubSub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PubSubService>();
        return endpoints;
    }
}
