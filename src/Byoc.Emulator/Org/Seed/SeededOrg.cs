namespace Byoc.Emulator.Org.Seed;

/// <summary>
/// Names the seed gives the emulated org: the setup guide's example (product.md, "Defaults"). Features find records by
/// querying the org, never through these names; only the seed and the printed credentials use them.
/// </summary>
internal static class SeededOrg
{
    public const string OrganizationName = "BYOC Emulated Org";
    public const string AdminUsername = "admin@byoc.emulated";
    public const string IntegrationUsername = "integration@byoc.emulated";
    public const string AgentDeveloperName = "Reservation_Agent";
    public const string ChannelDeveloperName = "AgentforceChannel";
    public const string QueueDeveloperName = "AgentforceChannel_Queue";
    public const string ServiceChannelDeveloperName = "sfdc_livemessage";
    public const string LicenseNamespacePrefix = "sfdc_livemessage";
    public const string ScrtPermissionSetName = "sfdc_scrt2";
    public const string VendorDeveloperName = "Byoc_Vendor";

    /// <summary>The CCD developer name: the connector's <c>AuthorizationContext</c>; its prefix matches the connected app's.</summary>
    public const string ChannelDefinitionDeveloperName = "Byoc_ChannelDefinition";
    public const string PlatformEventName = "Byoc_Interaction__e";
    public const string EventTypeField = "EventType__c";
    public const string PayloadField = "Payload__c";

    public static readonly IReadOnlyList<(string Username, string FirstName, string LastName)> Reps =
    [
        ("alex.rivera@byoc.emulated", "Alex", "Rivera"),
        ("sam.chen@byoc.emulated", "Sam", "Chen"),
    ];

    /// <summary>
    /// The seeded profiles and their users. Names are standard profile names of real orgs ("Einstein Agent User" is the one
    /// the guide names for the agent's user); which profile a real BYOC org gives the integration user is a deployment choice.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string[] Usernames)> Profiles =
    [
        ("System Administrator", [AdminUsername]),
        ("Salesforce API Only System Integrations", [IntegrationUsername]),
        ("Standard User", [.. Reps.Select(r => r.Username)]),
        ("Einstein Agent User", ["reservation.agent@byoc.emulated"]),
    ];
}
