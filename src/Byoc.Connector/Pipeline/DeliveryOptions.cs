namespace Byoc.Connector.Pipeline;

/// <summary>Retry and polling settings of the inbox and outbox workers. Section <c>Connector:Delivery</c>.</summary>
internal sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Delivery";

    /// <summary>Delay after the first failure, before jitter. <value>Default 1 second.</value></summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between attempts. <value>Default 5 minutes.</value></summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is dead-lettered. <value>Default 10.</value></summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often workers look for due work when nothing signals them. <value>Default 1 second.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed row stays reserved for one worker. <value>Default 2 minutes.</value></summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows claimed per round (one per conversation). <value>Default 16.</value></summary>
    public int BatchSize { get; set; } = 16;
}
