using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    public static readonly IReadOnlyList<string> PackageInstallStatuses = ["IN_PROGRESS", "SUCCESS", "ERROR", "UNKNOWN"];

    /// <summary>
    /// The Tooling API's package objects (org-emulation.md §3 and §4.8: the fields <c>sf package install</c> and
    /// <c>sf package installed list</c> query). Complex-typed fields (<c>Dependencies</c>, <c>Profiles</c>,
    /// <c>RemoteSiteSettings</c>, <c>CspTrustedSites</c>, <c>Errors</c>) are kept as JSON text.
    /// </summary>
    private static IEnumerable<SObjectDefinition> Packaging() =>
    [
        Define("SubscriberPackage", KeyPrefixes.SubscriberPackage)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.ReadOnly)
            .String("Name", 255).String("NamespacePrefix", 15).TextArea("Description", 255).Boolean("IsPackageValid")
            .Build(),
        Define("SubscriberPackageVersion", KeyPrefixes.SubscriberPackageVersion)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("SubscriberPackageId", "SubscriberPackage", ["SubscriberPackage"])
            .String("Name", 255).TextArea("Description", 255).String("PublisherName", 255)
            .Int("MajorVersion").Int("MinorVersion").Int("PatchVersion").Int("BuildNumber")
            .Picklist("ReleaseState", ["Beta", "Released"]).Boolean("IsBeta").Boolean("IsDeprecated").Boolean("IsManaged")
            .Boolean("IsOrgDependent").Boolean("IsPasswordProtected").Boolean("IsSecurityReviewed")
            .Picklist("Package2ContainerOptions", ["Managed", "Unlocked"])
            .Picklist("InstallValidationStatus", ["NO_ERRORS_DETECTED", "BETA_INSTALL_INTO_PRODUCTION_ORG", "CANNOT_INSTALL_EARLIER_VERSION",
                "CANNOT_UPGRADE_BETA", "CANNOT_UPGRADE_UNMANAGED", "DEPRECATED_INSTALL_PACKAGE", "UNINSTALL_IN_PROGRESS", "UNKNOWN_ERROR"])
            .TextArea("Dependencies", 32768).TextArea("Profiles", 32768).TextArea("RemoteSiteSettings", 32768)
            .TextArea("CspTrustedSites", 32768).Url("PostInstallUrl").Url("ReleaseNotesUrl")
            .TextArea("AppExchangeDescription", 32768).Url("AppExchangeLogoUrl").String("AppExchangePackageName", 255)
            .String("AppExchangePublisherName", 255)
            .Build(),
        Define("InstalledSubscriberPackage", KeyPrefixes.InstalledSubscriberPackage)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("SubscriberPackageId", "SubscriberPackage", ["SubscriberPackage"])
            .Reference("SubscriberPackageVersionId", "SubscriberPackageVersion", ["SubscriberPackageVersion"])
            .Reference("MinPackageVersionId", "MinPackageVersion", ["SubscriberPackageVersion"])
            .Build(),
        Define("PackageInstallRequest", KeyPrefixes.PackageInstallRequest)
            .Surface(ApiSurface.Tooling).Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable)
            .String("SubscriberPackageVersionKey", 18)
            .Picklist("NameConflictResolution", ["Block", "RenameMetadata"])
            .Picklist("SecurityType", ["Full", "None", "Custom"])
            .Picklist("PackageInstallSource", ["U", "A", "D", "S"])
            .TextArea("ProfileMappings", 32768).String("Password", 255).Boolean("EnableRss")
            .Picklist("UpgradeType", ["delete-only", "deprecate-only", "mixed-mode"])
            .Picklist("ApexCompileType", ["all", "package"])
            .Picklist("SkipHandlers", ["FeatureEnforcement"])
            .Picklist("Status", PackageInstallStatuses, createable: false, updateable: false)
            .TextArea("Errors", 32768, createable: false, updateable: false)
            .Build(),
    ];
}
