using System.Xml.Linq;
using Byoc.Emulator.Metadata;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Soap;

namespace Byoc.Emulator.Packages;

/// <summary>
/// The product's own provider package, "BYOC Connector" 1.0.0.1, which every emulated org can install (the guide's
/// step 3, <c>sf package install --package 04t...</c>). Its ids are fixed so that docs and scripts can name them.
/// Installing it deploys the BYOC metadata the guide needs from a provider: the platform event with its EventType and
/// Payload fields, the vendor and conversation channel definition, <c>sfdc_scrt2</c> Read+Create on the event, and the
/// fallback queue (interaction-service-api.md §6.1, §7). UNCONFIRMED choice: an unlocked package without namespace, so
/// the installed names equal those of the complete seed (<see cref="SeededOrg"/>).
/// </summary>
internal static class ProviderPackage
{
    public const string Name = "BYOC Connector";

    /// <summary>The SubscriberPackage id (033), 15-character form.</summary>
    public const string SubscriberPackageId15 = "033BY0000000001";

    /// <summary>The SubscriberPackageVersion id (04t) to pass to <c>sf package install --package</c>, 15-character form.</summary>
    public const string VersionId15 = "04tBY0000000001";

    public static string SubscriberPackageId => SalesforceId.To18(SubscriberPackageId15);

    public static string VersionId => SalesforceId.To18(VersionId15);

    /// <summary>Inserts the package and its version (an org can install it; it is not installed yet).</summary>
    public static void Seed(OrgWriter writer)
    {
        writer.Insert("SubscriberPackage", new Dictionary<string, object?>
        {
            ["Id"] = SubscriberPackageId,
            ["Name"] = Name,
            ["Description"] = "Connects external messaging channels to an Agentforce Service Agent (Bring Your Own Channel).",
            ["IsPackageValid"] = true,
        });
        writer.Insert("SubscriberPackageVersion", new Dictionary<string, object?>
        {
            ["Id"] = VersionId,
            ["SubscriberPackageId"] = SubscriberPackageId,
            ["Name"] = Name,
            ["Description"] = "BYOC Connector provider package",
            ["PublisherName"] = "BYOC Connector contributors",
            ["MajorVersion"] = 1L,
            ["MinorVersion"] = 0L,
            ["PatchVersion"] = 0L,
            ["BuildNumber"] = 1L,
            ["ReleaseState"] = "Released",
            ["IsBeta"] = false,
            ["IsDeprecated"] = false,
            ["IsManaged"] = false,
            ["IsOrgDependent"] = false,
            ["IsPasswordProtected"] = false,
            ["IsSecurityReviewed"] = false,
            ["Package2ContainerOptions"] = "Unlocked",
            ["InstallValidationStatus"] = "NO_ERRORS_DETECTED",
        });
    }

    /// <summary>Adds the package to an org persisted before packages existed in the emulated org; no-op otherwise.</summary>
    public static void EnsureSeeded(OrgStore store)
    {
        if (store.Get(VersionId) is null)
        {
            store.Write(Seed);
        }
    }

    /// <summary>Records the package as installed (the complete seed, where the guide's step 3 is done).</summary>
    public static void SeedInstalled(OrgWriter writer) =>
        writer.Insert("InstalledSubscriberPackage", new Dictionary<string, object?>
        {
            ["SubscriberPackageId"] = SubscriberPackageId,
            ["SubscriberPackageVersionId"] = VersionId,
        });

    /// <summary>The metadata the package deploys, as components of a deploy.</summary>
    public static IReadOnlyList<MetadataComponent> Components()
    {
        var eventName = SeededOrg.PlatformEventName;
        var eventXml = Md("CustomObject",
            E("deploymentStatus", "Deployed"), E("eventType", "HighVolume"), E("label", "BYOC Interaction"),
            E("pluralLabel", "BYOC Interactions"), E("publishBehavior", "PublishImmediately"),
            E("fields", E("fullName", SeededOrg.EventTypeField), E("label", "Event Type"), E("length", "255"), E("type", "Text")),
            E("fields", E("fullName", SeededOrg.PayloadField), E("label", "Payload"), E("length", "131072"), E("type", "LongTextArea")));
        return
        [
            new("CustomObject", eventName, $"objects/{eventName}.object", eventXml),
            new("ConversationVendorInfo", SeededOrg.VendorDeveloperName, $"ConversationVendorInformation/{SeededOrg.VendorDeveloperName}.ConversationVendorInformation",
                Md("ConversationVendorInfo", E("masterLabel", Name), E("vendorType", "BringYourOwnChannelPartner"))),
            new("ConversationChannelDefinition", SeededOrg.ChannelDefinitionDeveloperName,
                $"conversationChannelDefinitions/{SeededOrg.ChannelDefinitionDeveloperName}.ConversationChannelDefinition",
                Md("ConversationChannelDefinition",
                    E("masterLabel", Name), E("conversationVendorInfo", SeededOrg.VendorDeveloperName),
                    E("customPlatformEvent", eventName), E("customEventTypeField", SeededOrg.EventTypeField),
                    E("customEventPayloadField", SeededOrg.PayloadField), E("routingOwner", "Salesforce"), E("consentOwner", "Salesforce"),
                    E("connectedAppType", "Customer"), E("capabilitiesSupportsImplicitConsent", "true"),
                    E("eventCapabilitiesIsInboundAcknwOptionExposed", "true"), E("eventCapabilitiesIsProgressIndicatorOptExposed", "true"),
                    E("eventCapabilitiesIsRoutingWorkResultSupported", "true"))),
            new("PermissionSet", SeededOrg.ScrtPermissionSetName, $"permissionsets/{SeededOrg.ScrtPermissionSetName}.permissionset",
                Md("PermissionSet", E("label", "SCRT2 Integration User"),
                    E("objectPermissions", E("allowCreate", "true"), E("allowRead", "true"), E("object", eventName)))),
            new("Queue", SeededOrg.QueueDeveloperName, $"queues/{SeededOrg.QueueDeveloperName}.queue",
                Md("Queue", E("name", "AgentforceChannel Queue"), E("queueSobject", E("sobjectType", "MessagingSession")))),
        ];
    }

    private static XElement Md(string root, params object[] content) => new(SoapNamespaces.Metadata + root, content);

    private static XElement E(string name, params object[] content) => new(SoapNamespaces.Metadata + name, content);
}
