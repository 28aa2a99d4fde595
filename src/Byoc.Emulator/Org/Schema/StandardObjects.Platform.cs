using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>Organization, users, groups/queues and permissions.</summary>
    private static IEnumerable<SObjectDefinition> Platform() =>
    [
        Define("Organization", KeyPrefixes.Organization)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .NameField("Name", 80).String("InstanceName").Boolean("IsSandbox").DateTime("TrialExpirationDate")
            .String("NamespacePrefix").String("OrganizationType").String("DefaultLocaleSidKey").String("TimeZoneSidKey")
            .String("LanguageLocaleKey").String("Country")
            .Build(),
        Define("User", KeyPrefixes.User).Searchable()
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable | SObjectCapabilities.Updateable)
            .String("Username", 80).ExternalId(unique: true).CompoundName(121, "FirstName", "LastName").String("FirstName", 40)
            .String("LastName", 80).Email("Email").String("Alias", 8).Boolean("IsActive").Default(true)
            .String("CommunityNickname", 40).Phone("Phone").Phone("MobilePhone").String("Department", 80).String("CompanyName", 80)
            .Reference("ManagerId", "Manager", ["User"]).Reference("ContactId", "Contact", ["Contact"])
            .String("FederationIdentifier", 512)
            .Picklist("UserType", ["Standard", "AutomatedProcess", "CloudIntegrationUser"], updateable: false)
            .String("TimeZoneSidKey", 40).String("LocaleSidKey", 40).String("LanguageLocaleKey", 40)
            .String("Title", 80).Reference("ProfileId", "Profile", ["Profile"])
            .Build(),
        // Profiles only as far as the guide's admin check needs them (User.Profile.Name).
        Define("Profile", KeyPrefixes.Profile)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .NameField("Name", 255).Picklist("UserType", ["Standard", "AutomatedProcess", "CloudIntegrationUser"]).TextArea("Description", 255)
            .Build(),
        Define("Group", KeyPrefixes.Group)
            .NameField("Name", 40).String("DeveloperName", 80)
            .Picklist("Type", ["Queue", "Regular", "Role", "RoleAndSubordinates", "Organization"], updateable: false)
            .Email("Email").Boolean("DoesSendEmailToMembers").Boolean("DoesIncludeBosses")
            .String("QueueRoutingConfigId", 18).Reference("OwnerId", "Owner", ["User"]).String("RelatedId", 18)
            .Build(),
        Define("QueueSobject", KeyPrefixes.QueueSobject)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable | SObjectCapabilities.Deletable)
            .Reference("QueueId", "Queue", ["Group"], updateable: false).String("SobjectType", 40, updateable: false)
            .Build(),
        Define("PermissionSet", KeyPrefixes.PermissionSet)
            .String("Name", 80).String("Label", 80).Boolean("IsOwnedByProfile", createable: false, updateable: false)
            .String("NamespacePrefix", 15, createable: false, updateable: false).TextArea("Description", 255)
            .Build(),
        Define("ObjectPermissions", KeyPrefixes.ObjectPermissions)
            .Reference("ParentId", "Parent", ["PermissionSet"], updateable: false).String("SobjectType", 40, updateable: false)
            .Boolean("PermissionsRead").Boolean("PermissionsCreate").Boolean("PermissionsEdit")
            .Boolean("PermissionsDelete").Boolean("PermissionsViewAllRecords").Boolean("PermissionsModifyAllRecords")
            .Build(),
        Define("PermissionSetAssignment", KeyPrefixes.PermissionSetAssignment)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable | SObjectCapabilities.Deletable)
            .Reference("AssigneeId", "Assignee", ["User"], updateable: false)
            .Reference("PermissionSetId", "PermissionSet", ["PermissionSet"], updateable: false)
            .Build(),
        Define("PackageLicense", KeyPrefixes.PackageLicense)
            .Capabilities(SObjectCapabilities.ReadOnly)
            // Longer than a real namespace prefix (15) so that the guide's licence check on 'sfdc_livemessage' finds the
            // seeded row; whether real orgs have such a row is UNCONFIRMED (org-emulation.md §5.9).
            .String("NamespacePrefix", 40).Picklist("Status", ["Active", "Expired", "Free", "Trial"])
            .Boolean("IsProvisioned").Int("AllowedLicenses").Int("UsedLicenses").DateTime("ExpirationDate")
            .Boolean("IsAvailableForIntegrations")
            .Build(),
        Define("NamedCredential", KeyPrefixes.NamedCredential)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .String("DeveloperName", 80).String("MasterLabel", 80).Url("Endpoint")
            .Picklist("PrincipalType", ["Anonymous", "PerUser", "NamedUser"]).String("NamespacePrefix", 15)
            .Build(),
    ];
}
