using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>
    /// Tooling-API-only types: flows and packages (org-emulation.md §3 "sf package install/installed list", §5.9). A data
    /// API query on them answers INVALID_TYPE as on a real org.
    /// </summary>
    private static IEnumerable<SObjectDefinition> Tooling() =>
    [
        Define("FlowDefinition", KeyPrefixes.FlowDefinition)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Updateable)
            .String("DeveloperName", 80, updateable: false).String("MasterLabel", 80, updateable: false)
            .TextArea("Description", 255, updateable: false)
            .String("ActiveVersionId", 18).String("LatestVersionId", 18, updateable: false)
            .String("NamespacePrefix", 15, createable: false, updateable: false)
            .Picklist("ManageableState", ["unmanaged", "installed", "released", "beta", "deleted", "deprecated"],
                createable: false, updateable: false)
            .Build(),
        Define("SubscriberPackage", KeyPrefixes.SubscriberPackage)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.ReadOnly)
            .String("Name", 255).String("NamespacePrefix", 15).TextArea("Description", 255).Boolean("IsPackageValid")
            .Build(),
        Define("SubscriberPackageVersion", KeyPrefixes.SubscriberPackageVersion)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("SubscriberPackageId", "SubscriberPackage", ["SubscriberPackage"])
            .String("Name", 255).TextArea("Description", 255).Int("MajorVersion").Int("MinorVersion").Int("PatchVersion")
            .Int("BuildNumber").Boolean("IsBeta").Boolean("IsDeprecated").Boolean("IsManaged").Boolean("IsOrgDependent")
            .Boolean("IsPasswordProtected").Boolean("IsSecurityReviewed")
            .Picklist("ReleaseState", ["Released", "Beta"]).Picklist("Package2ContainerOptions", ["Managed", "Unlocked"])
            .String("InstallValidationStatus", 255).String("PublisherName", 255).Url("PostInstallUrl").Url("ReleaseNotesUrl")
            .TextArea("AppExchangeDescription", 255).Url("AppExchangeLogoUrl").String("AppExchangePackageName", 255)
            .String("AppExchangePublisherName", 255)
            // Complex-typed on a real org (lists of objects); the emulated org stores them as text and returns null.
            .TextArea("Dependencies", 32768).TextArea("Profiles", 32768).TextArea("CspTrustedSites", 32768)
            .TextArea("RemoteSiteSettings", 32768)
            .Build(),
        Define("InstalledSubscriberPackage", KeyPrefixes.InstalledSubscriberPackage)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Deletable)
            .Reference("SubscriberPackageId", "SubscriberPackage", ["SubscriberPackage"])
            .Reference("SubscriberPackageVersionId", "SubscriberPackageVersion", ["SubscriberPackageVersion"])
            .Build(),
        Define("PackageInstallRequest", KeyPrefixes.PackageInstallRequest)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable)
            .String("SubscriberPackageVersionKey", 18, updateable: false).String("Password", 255, updateable: false)
            .Picklist("Status", ["IN_PROGRESS", "SUCCESS", "ERROR", "UNKNOWN"], createable: false, updateable: false)
            .TextArea("Errors", 32768, createable: false, updateable: false)
            .Picklist("ApexCompileType", ["all", "package"], updateable: false).Boolean("EnableRss", updateable: false)
            .Picklist("NameConflictResolution", ["Block", "RenameMetadata"], updateable: false)
            .Picklist("PackageInstallSource", ["U"], updateable: false)
            .Picklist("SecurityType", ["Full", "Custom", "None"], updateable: false)
            .Picklist("UpgradeType", ["delete-only", "deprecate-only", "mixed-mode"], updateable: false)
            .Build(),
    ];
}
