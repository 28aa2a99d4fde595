namespace Byoc.Emulator.Org.Ids;

/// <summary>
/// Key prefixes of the objects the emulated org stores. Those marked UNCONFIRMED are the values commonly seen on real
/// orgs but not stated by the sources in org-emulation.md §5 ("Key prefixes"); change them here if a real org differs.
/// </summary>
internal static class KeyPrefixes
{
    public const string Organization = "00D";
    public const string User = "005";
    public const string Profile = "00e";
    public const string Group = "00G";
    public const string Account = "001";
    public const string Contact = "003";
    public const string Opportunity = "006";
    public const string Lead = "00Q";
    public const string Case = "500";
    public const string QueueSobject = "03g"; // UNCONFIRMED
    public const string PermissionSet = "0PS"; // UNCONFIRMED
    public const string ObjectPermissions = "110"; // UNCONFIRMED
    public const string PermissionSetAssignment = "0Pa"; // UNCONFIRMED
    public const string FlowDefinition = "300";
    public const string BotDefinition = "0Xx";
    public const string BotVersion = "0X9"; // UNCONFIRMED
    public const string MessagingChannel = "0Mj";
    public const string MessagingSession = "0Mw"; // UNCONFIRMED
    public const string MessagingEndUser = "0PA"; // UNCONFIRMED
    public const string Conversation = "0dw"; // UNCONFIRMED
    public const string ConversationEntry = "0XP"; // UNCONFIRMED
    public const string ConversationParticipant = "0ds"; // UNCONFIRMED
    public const string AgentWork = "0Bz"; // UNCONFIRMED
    public const string PendingServiceRouting = "0JR"; // UNCONFIRMED
    public const string ServiceChannel = "0N9"; // UNCONFIRMED
    public const string ServicePresenceStatus = "0N5"; // UNCONFIRMED
    public const string UserServicePresence = "0Jd"; // UNCONFIRMED
    public const string PackageLicense = "050"; // UNCONFIRMED
    public const string NamedCredential = "0XA"; // UNCONFIRMED
    public const string ConversationChannelDefinition = "0jK"; // UNCONFIRMED
    public const string ConversationVendorInfo = "0kL"; // UNCONFIRMED
    public const string CustomMsgChannel = "0kM"; // UNCONFIRMED
    public const string ConnectedApplication = "0H4"; // UNCONFIRMED
    public const string PlatformEventChannel = "0YL"; // UNCONFIRMED
    public const string CustomObject = "01I"; // UNCONFIRMED (CustomEntityDefinition)
    public const string SubscriberPackage = "033";
    public const string SubscriberPackageVersion = "04t";
    public const string InstalledSubscriberPackage = "0A3"; // UNCONFIRMED
    public const string PackageInstallRequest = "0Hf"; // UNCONFIRMED
    public const string Flow = "301";
    public const string PlatformEventDefaultPrefix = "e00"; // UNCONFIRMED: real orgs assign eXX per event
}
