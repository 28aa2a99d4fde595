using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>The SCRT2 integration user's permission set grants Read and Create on the event (it publishes outbound entries).</summary>
internal sealed class ScrtPermissionCheck : IDoctorCheck
{
    public string Name => "scrt-permission";

    public string Title => "SCRT permission set has Read+Create on the event";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var package = context.Package;
        var permissions = await context.Org.QueryAsync(
            "SELECT Id, PermissionsRead, PermissionsCreate FROM ObjectPermissions " +
            $"WHERE Parent.Name={Soql.Quote(package.PermissionSet)} AND SobjectType={Soql.Quote(package.PlatformEvent)}", cancellationToken: cancellationToken);
        var read = permissions.Any(p => p.Bool("PermissionsRead"));
        var create = permissions.Any(p => p.Bool("PermissionsCreate"));
        var evidence = $"{package.PermissionSet} on {package.PlatformEvent}: Read={read}, Create={create}.";
        return read && create
            ? new CheckResult(Name, Title, CheckStatus.Pass, evidence)
            : new CheckResult(Name, Title, CheckStatus.Fail, evidence,
                $"Deploy the provider package (byoc setup), or Setup → Permission Sets → {package.PermissionSet} → Object Settings → {package.PlatformEvent} → Read, Create.");
    }
}
