using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    public static readonly IReadOnlyList<string> MessageTypes =
    [
        "Text", "Facebook", "Line", "GoogleHome", "Alexa", "Omega", "AppleBusinessChat", "WeChat", "WebChat", "WhatsApp",
        "Phone", "EmbeddedMessaging", "Voice", "Custom", "InternalCopilot",
    ];

    public static readonly IReadOnlyList<string> MessagingSessionStatuses =
        ["New", "Waiting", "Active", "Paused", "Inactive", "Consent", "Ended", "Error"];

    public static readonly IReadOnlyList<string> ConversationEntryTypes =
    [
        "Text", "BotEscalated", "ChatbotEstablished", "ChatbotMessage", "EndUserOptedIn", "EndUserOptedOut", "Attachment",
        "TypingStartedIndicator", "TypingStoppedIndicator", "ParticipantChanged", "ProgressIndicator", "MessageDeliveryFailed",
        "DeliveryAcknowledgement", "ReadAcknowledgement", "RoutingWorkResult", "SessionStatusChanged", "MessageUpdated",
        "ChoicesResponse", "FormResponse", "Choices",
    ];

    /// <summary>Messaging channels, sessions, end users, conversations and their transcript entries.</summary>
    private static IEnumerable<SObjectDefinition> Messaging() =>
    [
        Define("MessagingChannel", KeyPrefixes.MessagingChannel)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Updateable)
            .String("DeveloperName", 80, updateable: false).String("MasterLabel", 80)
            .Picklist("MessageType", MessageTypes, updateable: false)
            .String("MessagingPlatformKey", 255, updateable: false).Boolean("IsActive")
            .Picklist("PlatformType", ["Standard", "Enhanced"], updateable: false)
            .String("ChannelAddressIdentifier", 240, updateable: false)
            .Reference("ChannelDefinitionId", "ChannelDefinition", ["ConversationChannelDefinition"])
            .Picklist("RoutingType", ["OmniQueue", "OmniSkills"]).String("RoutingConfigurationId", 18)
            .Reference("TargetQueueId", "TargetQueue", ["Group"]).Reference("FallbackQueueId", "FallbackQueue", ["Group"])
            .Reference("SessionHandlerId", "SessionHandler", ["Group", "FlowDefinition", "User", "BotDefinition"])
            .Picklist("ConsentType", ["ImplicitOptIn", "ExplicitOptIn", "DoubleOptIn"]).Boolean("IsRequireDoubleOptIn")
            .String("BusinessHoursId", 18).String("IsoCountryCode", 2).String("Language", 40)
            .TextArea("InitialResponse", 1000).TextArea("EngagedResponse", 1000).TextArea("ConversationEndResponse", 1000)
            .TextArea("OfflineAgentsResponse", 1000).TextArea("OutsideBusinessHoursResponse", 1000)
            .Boolean("IsRestrictedToBusinessHours").Picklist("LinkingPreference", ["None", "Suggested", "Required"])
            .Build(),
        Define("MessagingEndUser", KeyPrefixes.MessagingEndUser)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Updateable)
            .NameField("Name", 255).Reference("MessagingChannelId", "MessagingChannel", ["MessagingChannel"], updateable: false)
            .Picklist("MessageType", MessageTypes, updateable: false).String("MessagingPlatformKey", 255, updateable: false)
            .Reference("ContactId", "Contact", ["Contact"]).Reference("AccountId", "Account", ["Account"])
            .Reference("LeadId", "Lead", ["Lead"])
            .Picklist("MessagingConsentStatus", ["ImplicitlyOptedIn", "ExplicitlyOptedIn", "DoublyOptedIn", "OptedOut"])
            .Boolean("IsFullyOptedIn", createable: false, updateable: false).Boolean("HasInitialResponseSent")
            .String("Locale", 40).String("IsoCountryCode", 2).Url("ProfilePictureUrl")
            .Reference("OwnerId", "Owner", ["User", "Group"])
            .Build(),
        Define("MessagingSession", KeyPrefixes.MessagingSession)
            .Capabilities(SObjectCapabilities.Queryable | SObjectCapabilities.Updateable)
            // An auto number on real orgs (issue 19.4); the display format is UNCONFIRMED.
            .AutoNumberName("Name", "MS-{0000000000}", 80)
            .Reference("OwnerId", "Owner", ["User", "Group"])
            .Reference("MessagingChannelId", "MessagingChannel", ["MessagingChannel"], updateable: false)
            .Reference("MessagingEndUserId", "MessagingEndUser", ["MessagingEndUser"], updateable: false)
            .Picklist("Status", MessagingSessionStatuses, updateable: false)
            .Picklist("AgentType", ["Agent", "Bot", "BotToAgent", "System"], updateable: false)
            .Picklist("Origin", ["InboundInitiated", "TriggeredOutbound", "OptOut", "OptIn", "ConversationClose",
                "AgentInitiated", "Help", "ConversationControlLost"], updateable: false)
            .Picklist("ChannelType", MessageTypes, updateable: false).String("ChannelName", 255, updateable: false)
            .String("ChannelKey", 255, updateable: false).String("ChannelGroup", 255, updateable: false)
            .String("ChannelIntent", 255, updateable: false).String("ChannelLocale", 40, updateable: false)
            .Reference("ConversationId", "Conversation", ["Conversation"], updateable: false)
            .Reference("CaseId", "Case", ["Case"]).Reference("LeadId", "Lead", ["Lead"])
            .Reference("OpportunityId", "Opportunity", ["Opportunity"])
            .Reference("EndUserAccountId", "EndUserAccount", ["Account"]).Reference("EndUserContactId", "EndUserContact", ["Contact"])
            .String("EndUserLanguage", 40)
            .DateTime("AcceptTime", updateable: false).DateTime("StartTime", updateable: false)
            .DateTime("EndTime", updateable: false)
            .Picklist("EndedByType", ["Agent", "Bot", "EndUser", "System"], updateable: false)
            .Int("AgentMessageCount", updateable: false).Int("EndUserMessageCount", updateable: false)
            .String("SessionKey", 255, updateable: false).Reference("TargetUserId", "TargetUser", ["User"])
            .TextArea("PreviewDetails", 1000, updateable: false)
            .Build(),
        Define("Conversation", KeyPrefixes.Conversation)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .String("Name", 255).String("ConversationIdentifier", 255)
            .Reference("ConversationChannelId", "ConversationChannel", ["MessagingChannel"])
            .DateTime("StartTime").DateTime("EndTime")
            .Build(),
        Define("ConversationParticipant", KeyPrefixes.ConversationParticipant)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("ConversationId", "Conversation", ["Conversation"])
            .Picklist("ParticipantRole", ["EndUser", "Chatbot", "Agent", "Supervisor", "System", "Router"])
            .Picklist("AppType", ["custom", "agent", "chatbot", "conversation", "live_message", "iamessage"])
            .DateTime("JoinedTime").DateTime("LeftTime")
            .Reference("ParticipantEntityId", "ParticipantEntity", ["User", "BotDefinition", "MessagingEndUser"])
            .String("ParticipantDisplayName", 255)
            .Build(),
        Define("ConversationEntry", KeyPrefixes.ConversationEntry)
            .Capabilities(SObjectCapabilities.ReadOnly)
            .Reference("ConversationId", "Conversation", ["MessagingSession"])
            .Picklist("ActorType", ["Agent", "Bot", "EndUser", "Supervisor", "System"])
            .String("ActorName", 255).Reference("ActorId", "Actor", ["BotDefinition", "MessagingEndUser", "User"])
            .TextArea("Message", 32000).Picklist("EntryType", ConversationEntryTypes)
            .DateTime("EntryTime").DateTime("EntryEndTime").Double("EntryTimeMilliSecs").Int("Seq")
            .Picklist("MessageStatus", ["Delivered", "Error", "Pending", "Read", "Sent"])
            .String("MessageIdentifier", 255).Boolean("HasAttachments")
            .DateTime("ServerReceivedTimestamp").DateTime("ClientTimestamp")
            .Build(),
    ];
}
