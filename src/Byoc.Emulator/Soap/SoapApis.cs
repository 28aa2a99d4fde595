using Byoc.Emulator.Apex;
using Byoc.Emulator.Metadata;
using Byoc.Emulator.Packages;
using Byoc.Emulator.Soql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Emulator.Soap;

/// <summary>
/// Registers and maps the SOAP APIs: anonymous Apex (<c>/services/Soap/s/NN.0</c>), Metadata (<c>/services/Soap/m/NN.0</c>)
/// and <c>login()</c> on the partner and enterprise APIs (<c>/services/Soap/u|c/NN.0</c>). Needs an <see cref="Org.Records.OrgStore"/> and an <see cref="Auth.IAccessTokens"/>
/// from the host.
/// </summary>
internal static class SoapApis
{
    public static IServiceCollection AddSoapApis(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SoqlEngine>();
        services.TryAddSingleton<IApexQueryExecutor, SoqlApexQueryExecutor>();
        services.TryAddSingleton<AnonymousApexExecutor>();
        services.TryAddSingleton<DeployJobs>();
        services.TryAddSingleton<MetadataDeployer>();
        services.TryAddSingleton<PackageInstaller>();
        return services;
    }

    /// <summary>A SOAP API version segment such as <c>66.0</c> (no <c>v</c> prefix, org-emulation.md §3).</summary>
    public static bool IsApiVersion(string version) =>
        version.Length == 4 && char.IsAsciiDigit(version[0]) && version[0] != '0' && char.IsAsciiDigit(version[1]) &&
        version.EndsWith(".0", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapSoapApis(this IEndpointRouteBuilder routes)
    {
        routes.MapApexSoap();
        routes.MapMetadataSoap();
        routes.MapLoginSoap();
        return routes;
    }
}
