using System.Collections.Concurrent;
using System.Text.Json;
using Byoc.Emulator.Metadata;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Packages;

/// <summary>
/// Runs <c>PackageInstallRequest</c>s: the first read of a request reports <c>IN_PROGRESS</c>, the next one installs
/// (deploying the package's metadata, then recording an <c>InstalledSubscriberPackage</c>) and reports <c>SUCCESS</c> or
/// <c>ERROR</c> with <c>Errors = {"errors":[{"message":...}]}</c> (org-emulation.md §4.8).
/// </summary>
internal sealed class PackageInstaller(OrgStore store, MetadataDeployer deployer)
{
    /// <summary>UNCONFIRMED wording for an install request naming no installable version.</summary>
    public static string UnknownVersionMessage(string versionKey) =>
        $"The package version {versionKey} does not exist or is not available for installation.";

    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);

    /// <summary>The request record after advancing it one step, or null when no request has this id.</summary>
    public SObjectRecord? Poll(string id)
    {
        var request = store.Get(id);
        if (request is null || request.ObjectName != "PackageInstallRequest")
        {
            return null;
        }

        if (request.GetString("Status") != "IN_PROGRESS" || _reported.TryAdd(request.Id, true))
        {
            return request;
        }

        var errors = Install(request.GetString("SubscriberPackageVersionKey") ?? "", request.GetString("CreatedById"));
        return store.Write(w => w.Update(request.Id, new Dictionary<string, object?>
        {
            ["Status"] = errors.Count == 0 ? "SUCCESS" : "ERROR",
            ["Errors"] = errors.Count == 0 ? null : JsonSerializer.Serialize(new { errors = errors.Select(m => new { message = m }) }),
        }));
    }

    private List<string> Install(string versionKey, string? userId)
    {
        var version = SalesforceId.TryNormalize(versionKey, out var versionId) ? store.Get(versionId) : null;
        if (version is null || version.ObjectName != "SubscriberPackageVersion")
        {
            return [UnknownVersionMessage(versionKey)];
        }

        if (SalesforceId.AreEqual(version.Id, ProviderPackage.VersionId))
        {
            var outcome = deployer.Apply(ProviderPackage.Components(), new DeployOptions(false, true, false, true), userId ?? store.DefaultActorId!);
            if (!outcome.Success)
            {
                return [.. outcome.Components.Where(c => !c.Success).Select(c => $"{c.Type} {c.FullName}: {c.Problem}")];
            }
        }

        store.Write(w =>
        {
            var packageId = version.GetString("SubscriberPackageId");
            var installed = w.Records("InstalledSubscriberPackage").FirstOrDefault(r => r.GetString("SubscriberPackageId") == packageId);
            var values = new Dictionary<string, object?> { ["SubscriberPackageId"] = packageId, ["SubscriberPackageVersionId"] = version.Id };
            if (installed is null)
            {
                w.Insert("InstalledSubscriberPackage", values);
            }
            else
            {
                w.Update(installed.Id, values);
            }
        }, userId);
        return [];
    }
}
