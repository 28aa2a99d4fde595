using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    public static readonly IReadOnlyList<string> AgentWorkStatuses =
        ["Assigned", "Unavailable", "Declined", "Opened", "Closed", "DeclinedOnPushTimeout", "Canceled", "Transferred"];

    /// <summary>Omni-Channel: service channels, presence, pending routing, agent work, and the Agentforce agents.</summary>
    private static IEnumerable<SObjectDefinition> Routing() =>
    [
        Define("ServiceChannel", KeyPrefixes.ServiceChannel)
            .String("DeveloperName", 80).String("MasterLabel", 80).String("RelatedEntity", 40)
            .Picklist("CapacityModel", ["StatusBased", "TabBased"]).Boolean("HasAutoAcceptEnabled")
            .Build(),
        Define("ServicePresenceStatus", KeyPrefixes.ServicePresenceStatus)
            .String("DeveloperName", 80).String("MasterLabel", 80)
            .Build(),
        Define("UserServicePresence", KeyPrefixes.UserServicePresence)
            .Capabilities(SObjectCapabilities.Queryable)
            .Reference("UserId", "User", ["User"])
            .Reference("ServicePresenceStatusId", "ServicePresenceStatus", ["ServicePresenceStatus"])
            .Boolean("IsCurrentState").Boolean("IsAway").DateTime("StatusStartDate").DateTime("StatusEndDate")
            .Int("ConfiguredCapacity")
            .Build(),
        Define("PendingServiceRouting", KeyPrefixes.PendingServiceRouting)
            .Reference("WorkItemId", "WorkItem", ["MessagingSession"], updateable: false)
            .Reference("ServiceChannelId", "ServiceChannel", ["ServiceChannel"])
            .Reference("GroupId", "Group", ["Group"])
            .Picklist("RoutingType", ["QueueBased", "SkillsBased"])
            .Picklist("RoutingModel", ["LeastActive", "MostAvailable", "ExternalRouting"])
            .Int("RoutingPriority").Boolean("IsReadyForRouting").Boolean("IsPushed").Boolean("IsPushAttempted")
            .Boolean("IsTransfer").Reference("PreferredUserId", "PreferredUser", ["User"])
            .Reference("BotId", "Bot", ["BotDefinition"]).Picklist("BotType", ["Bot", "ExternalCopilot"])
            .Double("CapacityWeight").Double("CapacityPercentage").Int("PushTimeout")
            .DateTime("CustomRequestedDateTime").Reference("OwnerId", "Owner", ["User", "Group"]).Int("Serial")
            .Build(),
        Define("AgentWork", KeyPrefixes.AgentWork)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Createable | SObjectCapabilities.Updateable)
            .String("Name", 255, createable: false, updateable: false).Reference("OwnerId", "Owner", ["User", "Group"])
            .Reference("UserId", "User", ["User"]).Reference("WorkItemId", "WorkItem", ["MessagingSession"], updateable: false)
            .Reference("ServiceChannelId", "ServiceChannel", ["ServiceChannel"])
            .Picklist("Status", AgentWorkStatuses).Picklist("RoutingType", ["QueueBased", "SkillsBased"])
            .Picklist("RoutingModel", ["LeastActive", "MostAvailable", "ExternalRouting"]).Int("RoutingPriority")
            .Reference("OriginalQueueId", "OriginalQueue", ["Group"]).Reference("OriginalGroupId", "OriginalGroup", ["Group"])
            .Reference("PendingServiceRoutingId", "PendingServiceRouting", ["PendingServiceRouting"])
            .Reference("BotId", "Bot", ["BotDefinition"]).Picklist("BotType", ["Bot", "ExternalCopilot"])
            .Double("CapacityWeight").Double("CapacityPercentage")
            .DateTime("RequestDateTime").DateTime("AssignedDateTime").DateTime("AcceptDateTime")
            .DateTime("DeclineDateTime").DateTime("CloseDateTime").DateTime("CancelDateTime")
            .Int("PushTimeout").Int("SpeedToAnswer").Int("HandleTime").Int("ActiveTime").String("DeclineReason", 255)
            .Build(),
        Define("BotDefinition", KeyPrefixes.BotDefinition)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .String("DeveloperName", 80).String("MasterLabel", 80).TextArea("Description", 1000)
            .Picklist("Type", ["Bot", "ExternalCopilot", "InternalCopilot"])
            .Picklist("AgentType", ["AgentforceServiceAgent", "AgentforceEmployeeAgent"]).String("AgentTemplate", 255)
            .Reference("BotUserId", "BotUser", ["User"]).String("BotSource", 40)
            .Build(),
        Define("BotVersion", KeyPrefixes.BotVersion)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("BotDefinitionId", "BotDefinition", ["BotDefinition"]).String("DeveloperName", 80)
            .Int("VersionNumber").Picklist("Status", ["Active", "Inactive"]).String("CopilotPrimaryLanguage", 40)
            .String("CopilotSecondaryLanguages", 255).Picklist("ToneType", ["Casual", "Formal", "Neutral"])
            .Build(),
    ];
}
