using Byoc.Emulator.Apex;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Emulator.Soap;

/// <summary>
/// Registers and maps the SOAP APIs the sf CLI uses: anonymous Apex (<c>/services/Soap/s/NN.0</c>) and Metadata deploy
/// (<c>/services/Soap/m/NN.0</c>). Needs an <see cref="Org.Records.OrgStore"/> and an <see cref="Auth.IAccessTokens"/>
/// from the host.
/// </summary>
internal static class SoapApis
{
    public static IServiceCollection AddSoapApis(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApexQueryExecutor, OrgStoreApexQueryExecutor>();
        services.TryAddSingleton<AnonymousApexExecutor>();
        return services;
    }

    public static IEndpointRouteBuilder MapSoapApis(this IEndpointRouteBuilder routes)
    {
        routes.MapApexSoap();
        return routes;
    }
}
