using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>
    /// Tooling-API-only flow types (org-emulation.md §5.9); the package types are in <c>StandardObjects.Packaging.cs</c>.
    /// A data API query on them answers INVALID_TYPE as on a real org.
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
    ];
}
