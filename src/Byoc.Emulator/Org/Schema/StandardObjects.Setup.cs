using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>The BYOC binding objects (interaction-service-api.md §7): vendor, channel definition, per-channel settings.</summary>
    private static IEnumerable<SObjectDefinition> Setup() =>
    [
        Define("ConversationVendorInfo", KeyPrefixes.ConversationVendorInfo)
            .Surface(ApiSurface.Both)
            .String("DeveloperName", 80).String("MasterLabel", 80)
            .Picklist("VendorType", ["BringYourOwnChannelPartner", "BringYourOwnContactCenter", "ServiceCloudVoicePartner",
                "Amazon_Connect"])
            .Build(),
        Define("ConversationChannelDefinition", KeyPrefixes.ConversationChannelDefinition)
            .Surface(ApiSurface.Both)
            .String("DeveloperName", 80).String("MasterLabel", 80).String("NamespacePrefix", 15, createable: false, updateable: false)
            .Reference("ConversationVendorInfoId", "ConversationVendorInfo", ["ConversationVendorInfo"])
            .String("CustomPlatformEvent", 255).String("CustomEventTypeField", 255).String("CustomEventPayloadField", 255)
            .Picklist("RoutingOwner", ["Partner", "Salesforce"]).Picklist("ConsentOwner", ["Partner", "Salesforce"])
            .Picklist("ConnectedAppType", ["Partner", "Customer"])
            .String("ConnectedAppOauthLink", 255, createable: false, updateable: false)
            .String("CustomerConnectedAppOauthLink", 255, createable: false, updateable: false)
            .Boolean("CapabilitiesSupportsImplicitConsent").Boolean("CapabilitiesSupportsExplicitConsent")
            .Boolean("CapabilitiesSupportsDoubleOptInConsent").Boolean("CapabilitiesSupportsKeywords")
            .Boolean("CapabilitiesSupportsIsoCountryCode").Boolean("CapabilitiesSupportsCustomChannelParameters")
            .Boolean("EventCapabilitiesIsInboundAcknwOptionExposed").Boolean("EventCapabilitiesIsTypingIndicatorOptionHidden")
            .Boolean("EventCapabilitiesIsProgressIndicatorOptExposed").Boolean("EventCapabilitiesIsRoutingWorkResultSupported")
            .Build(),
        Define("CustomMsgChannel", KeyPrefixes.CustomMsgChannel)
            .Reference("ChannelDefinitionId", "ChannelDefinition", ["ConversationChannelDefinition"])
            .Reference("MessagingChannelId", "MessagingChannel", ["MessagingChannel"])
            .Boolean("EventCapabilitiesIsInboundAcknowledgementEnabled").Boolean("EventCapabilitiesIsTypingIndicatorDisabled")
            .Boolean("EventCapabilitiesIsProgressIndicatorEnabled")
            .Build(),
    ];
}
