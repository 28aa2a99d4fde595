namespace Byoc.Emulator.Rest;

/// <summary>
/// Fields an insert through the REST API must set (REQUIRED_FIELD_MISSING), per type. Taken from the standard objects'
/// describe (nillable=false, no default) as far as the emulated schema has them.
/// </summary>
internal static class RequiredFields
{
    private static readonly Dictionary<string, string[]> s_required = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = ["Username", "LastName", "Email", "Alias", "TimeZoneSidKey", "LocaleSidKey", "LanguageLocaleKey"],
        ["Group"] = ["Name"],
        ["Account"] = ["Name"],
        ["Contact"] = ["LastName"],
        ["Lead"] = ["LastName", "Company"],
        ["Opportunity"] = ["Name", "StageName", "CloseDate"],
        ["QueueSobject"] = ["QueueId", "SobjectType"],
        ["PermissionSet"] = ["Name", "Label"],
        ["PermissionSetAssignment"] = ["AssigneeId", "PermissionSetId"],
        ["ObjectPermissions"] = ["ParentId", "SobjectType"],
        ["ServiceChannel"] = ["DeveloperName", "MasterLabel", "RelatedEntity"],
        ["ServicePresenceStatus"] = ["DeveloperName", "MasterLabel"],
        ["PackageInstallRequest"] = ["SubscriberPackageVersionKey"],
    };

    public static IReadOnlyList<string> For(string objectName) => s_required.GetValueOrDefault(objectName) ?? [];
}
