namespace Byoc.Emulator.Routing;

/// <summary>Omni-Channel settings of the emulated org (configuration section <c>Routing</c>).</summary>
internal sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>How many sessions a rep may have open at once (UserServicePresence.ConfiguredCapacity).</summary>
    /// <value>Defaults to 3.</value>
    public int RepCapacity { get; set; } = 3;

    /// <summary>How long an Active session may go without a conversation entry before it becomes Inactive.</summary>
    /// <value>Defaults to 10 minutes (Salesforce lets admins choose 5 to 30).</value>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a session stays Inactive before the org ends it (EndedByType System).</summary>
    /// <value>Defaults to 24 hours.</value>
    public TimeSpan InactiveSessionEndAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the inactivity sweep runs.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan InactivitySweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether SessionStatusChanged entries are published (UNCONFIRMED for BYOC for Messaging).</summary>
    /// <value>Defaults to true.</value>
    public bool PublishSessionStatusChanged { get; set; } = true;
}
