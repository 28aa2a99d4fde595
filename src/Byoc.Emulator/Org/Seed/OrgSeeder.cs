using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Settings;
using Byoc.Emulator.Packages;

namespace Byoc.Emulator.Org.Seed;

/// <summary>Creates the emulated org's records the first time it starts (an empty store); later starts keep what is there.</summary>
internal static class OrgSeeder
{
    /// <summary>Seeds an empty store and returns true; leaves a populated store alone and returns false.</summary>
    public static bool SeedIfEmpty(OrgStore store, SeedProfile profile)
    {
        if (!store.IsEmpty)
        {
            store.DefaultActorId ??= FindAdmin(store);
            ProviderPackage.EnsureSeeded(store);
            return false;
        }

        if (profile == SeedProfile.Complete)
        {
            store.DefineCustomObject(PlatformEvent(SeededOrg.PlatformEventName, SeededOrg.EventTypeField, SeededOrg.PayloadField));
        }

        store.Write(writer =>
        {
            var admin = SeedPrerequisites(writer);
            if (profile == SeedProfile.Complete)
            {
                SeedProviderSetup(writer);
            }

            // Last, so that the ids of everything seeded before profiles existed stay the same.
            SeedProfiles(writer);
            return admin;
        });
        store.DefaultActorId = FindAdmin(store);
        return true;
    }

    /// <summary>A platform event with the two text fields a BYOC channel definition maps (interaction-service-api.md §6.1).</summary>
    public static SObjectDefinition PlatformEvent(string name, string eventTypeField, string payloadField) =>
        new SObjectBuilder(name, KeyPrefixes.PlatformEventDefaultPrefix)
            .Label(name[..^3].Replace('_', ' '))
            .Capabilities(SObjectCapabilities.Createable)
            .String(eventTypeField, 255)
            .TextArea(payloadField, 131072)
            .Build(custom: true);

    private static string? FindAdmin(OrgStore store) =>
        store.Lookup("User", "Username", SeededOrg.AdminUsername) is [var admin, ..] ? admin.Id : null;

    private static string SeedPrerequisites(OrgWriter writer)
    {
        writer.Insert("Organization", new Dictionary<string, object?>
        {
            ["Name"] = SeededOrg.OrganizationName,
            ["InstanceName"] = "EMU1",
            // IsSandbox=false and no trial date make the sf CLI treat the org as production (org-emulation.md §2.1).
            ["IsSandbox"] = false,
            ["TrialExpirationDate"] = null,
            ["OrganizationType"] = "Developer Edition",
            ["DefaultLocaleSidKey"] = "en_US",
            ["TimeZoneSidKey"] = "GMT",
            ["LanguageLocaleKey"] = "en_US",
            ["Country"] = "US",
        });

        var admin = InsertUser(writer, SeededOrg.AdminUsername, "Admin", "User", "System Administrator");
        InsertUser(writer, SeededOrg.IntegrationUsername, "Integration", "User", "Integration User");
        foreach (var (username, firstName, lastName) in SeededOrg.Reps)
        {
            InsertUser(writer, username, firstName, lastName, "Service Rep");
        }

        var botUser = InsertUser(writer, "reservation.agent@byoc.emulated", "Reservation", "Agent", "Agentforce Service Agent User");
        var bot = writer.Insert("BotDefinition", new Dictionary<string, object?>
        {
            ["DeveloperName"] = SeededOrg.AgentDeveloperName,
            ["MasterLabel"] = "Reservation Agent",
            ["Description"] = "Makes, checks and cancels restaurant reservations; escalates to a human on request.",
            ["Type"] = "ExternalCopilot",
            ["AgentType"] = "AgentforceServiceAgent",
            ["BotUserId"] = botUser,
            ["BotSource"] = "None",
        });
        writer.Insert("BotVersion", new Dictionary<string, object?>
        {
            ["BotDefinitionId"] = bot.Id,
            ["DeveloperName"] = "v1",
            ["VersionNumber"] = 1L,
            ["Status"] = "Active",
            ["CopilotPrimaryLanguage"] = "en_US",
            ["ToneType"] = "Casual",
        });

        writer.Insert("ServiceChannel", new Dictionary<string, object?>
        {
            ["DeveloperName"] = SeededOrg.ServiceChannelDeveloperName,
            ["MasterLabel"] = "Messaging",
            ["RelatedEntity"] = "MessagingSession",
            ["CapacityModel"] = "StatusBased",
            ["HasAutoAcceptEnabled"] = false,
        });
        foreach (var (developerName, label) in new[] { ("Available", "Available"), ("Busy", "Busy") })
        {
            writer.Insert("ServicePresenceStatus", new Dictionary<string, object?> { ["DeveloperName"] = developerName, ["MasterLabel"] = label });
        }

        writer.Insert("PackageLicense", new Dictionary<string, object?>
        {
            ["NamespacePrefix"] = SeededOrg.LicenseNamespacePrefix,
            ["Status"] = "Active",
            ["IsProvisioned"] = true,
            ["AllowedLicenses"] = 10L,
            ["UsedLicenses"] = 2L,
            ["IsAvailableForIntegrations"] = false,
        });
        writer.Insert("PermissionSet", new Dictionary<string, object?>
        {
            ["Name"] = SeededOrg.ScrtPermissionSetName,
            ["Label"] = "SCRT2 Integration User",
        });
        ProviderPackage.Seed(writer);
        return admin;
    }

    private static void SeedProviderSetup(OrgWriter writer)
    {
        ProviderPackage.SeedInstalled(writer);
        // A set-up org routes messaging sessions, so Omni-Channel is on (the guide's step 2); a prerequisites-only org
        // leaves it off for `byoc setup` to turn on.
        OrgSettings.Set(writer, "OmniChannel", "enableOmniChannel", "true");
        var scrt = writer.Lookup("PermissionSet", "Name", SeededOrg.ScrtPermissionSetName).Single();
        writer.Insert("ObjectPermissions", new Dictionary<string, object?>
        {
            ["ParentId"] = scrt.Id,
            ["SobjectType"] = SeededOrg.PlatformEventName,
            ["PermissionsRead"] = true,
            ["PermissionsCreate"] = true,
        });

        var vendor = writer.Insert("ConversationVendorInfo", new Dictionary<string, object?>
        {
            ["DeveloperName"] = SeededOrg.VendorDeveloperName,
            ["MasterLabel"] = "BYOC Connector",
            ["VendorType"] = "BringYourOwnChannelPartner",
        });
        var definition = writer.Insert("ConversationChannelDefinition", new Dictionary<string, object?>
        {
            ["DeveloperName"] = SeededOrg.ChannelDefinitionDeveloperName,
            ["MasterLabel"] = "BYOC Connector",
            ["ConversationVendorInfoId"] = vendor.Id,
            ["CustomPlatformEvent"] = SeededOrg.PlatformEventName,
            ["CustomEventTypeField"] = SeededOrg.EventTypeField,
            ["CustomEventPayloadField"] = SeededOrg.PayloadField,
            ["RoutingOwner"] = "Salesforce",
            ["ConsentOwner"] = "Salesforce",
            ["ConnectedAppType"] = "Customer",
            ["CapabilitiesSupportsImplicitConsent"] = true,
            ["EventCapabilitiesIsInboundAcknwOptionExposed"] = true,
            ["EventCapabilitiesIsProgressIndicatorOptExposed"] = true,
            ["EventCapabilitiesIsRoutingWorkResultSupported"] = true,
        });

        var queue = writer.Insert("Group", new Dictionary<string, object?>
        {
            ["Name"] = "AgentforceChannel Queue",
            ["DeveloperName"] = SeededOrg.QueueDeveloperName,
            ["Type"] = "Queue",
        });
        writer.Insert("QueueSobject", new Dictionary<string, object?> { ["QueueId"] = queue.Id, ["SobjectType"] = "MessagingSession" });

        var bot = writer.Lookup("BotDefinition", "DeveloperName", SeededOrg.AgentDeveloperName).Single();
        var channelAddress = Guid.NewGuid().ToString();
        var channel = writer.Insert("MessagingChannel", new Dictionary<string, object?>
        {
            ["DeveloperName"] = SeededOrg.ChannelDeveloperName,
            ["MasterLabel"] = "Agentforce Channel",
            ["MessageType"] = "Custom",
            ["MessagingPlatformKey"] = channelAddress,
            ["IsActive"] = true,
            ["PlatformType"] = "Enhanced",
            ["ChannelAddressIdentifier"] = channelAddress,
            ["ChannelDefinitionId"] = definition.Id,
            ["RoutingType"] = "OmniQueue",
            ["SessionHandlerId"] = bot.Id,
            ["FallbackQueueId"] = queue.Id,
            ["ConsentType"] = "ImplicitOptIn",
        });
        writer.Insert("CustomMsgChannel", new Dictionary<string, object?>
        {
            ["ChannelDefinitionId"] = definition.Id,
            ["MessagingChannelId"] = channel.Id,
            ["EventCapabilitiesIsInboundAcknowledgementEnabled"] = true,
            ["EventCapabilitiesIsTypingIndicatorDisabled"] = false,
            ["EventCapabilitiesIsProgressIndicatorEnabled"] = true,
        });
    }

    private static void SeedProfiles(OrgWriter writer)
    {
        foreach (var (name, usernames) in SeededOrg.Profiles)
        {
            var profile = writer.Insert("Profile", new Dictionary<string, object?> { ["Name"] = name, ["UserType"] = "Standard" });
            foreach (var user in usernames.SelectMany(u => writer.Lookup("User", "Username", u)))
            {
                writer.Update(user.Id, new Dictionary<string, object?> { ["ProfileId"] = profile.Id });
            }
        }
    }

    private static string InsertUser(OrgWriter writer, string username, string firstName, string lastName, string title)
    {
        var alias = (firstName[..1] + lastName).ToLowerInvariant();
        return writer.Insert("User", new Dictionary<string, object?>
        {
            ["Username"] = username,
            ["FirstName"] = firstName,
            ["LastName"] = lastName,
            ["Name"] = $"{firstName} {lastName}",
            ["Email"] = username,
            ["Alias"] = alias[..Math.Min(8, alias.Length)],
            ["IsActive"] = true,
            ["UserType"] = "Standard",
            ["TimeZoneSidKey"] = "GMT",
            ["LocaleSidKey"] = "en_US",
            ["LanguageLocaleKey"] = "en_US",
            ["Title"] = title,
        }).Id;
    }
}
