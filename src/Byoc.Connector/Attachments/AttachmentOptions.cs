namespace Byoc.Connector.Attachments;

/// <summary>Files in both directions. Section <c>Connector:Attachments</c>.</summary>
internal sealed class AttachmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Attachments";

    /// <summary>The Interaction Service API's limit for one file (interaction-service-api.md §5.1 d).</summary>
    public const long SalesforceMaxBytes = 25L * 1024 * 1024;

    /// <summary>Where received and downloaded files are kept. <value>Default <c>.byoc/attachments</c>.</value></summary>
    public string Directory { get; set; } = ".byoc/attachments";

    /// <summary>Largest file an end user may send, at most 25 MB (the Salesforce limit). <value>Default 25 MB.</value></summary>
    public long MaxInboundBytes { get; set; } = SalesforceMaxBytes;

    /// <summary>
    /// MIME types an end user may send; Salesforce's documented list (§5.1 d) by default. <value>Default: image/jpeg,
    /// image/gif, image/bmp, image/png, application/pdf, video/3gpp2, audio/3gpp2, video/3gpp, audio/3gpp, video/mpeg,
    /// audio/mpeg, video/mp4, audio/mp4.</value>
    /// </summary>
    public List<string> InboundMimeTypes { get; set; } = [];

    /// <summary>Largest file downloaded from Salesforce (outbound) or from a platform's URL (inbound). <value>Default 25 MB.</value></summary>
    public long MaxDownloadBytes { get; set; } = SalesforceMaxBytes;

    /// <summary>How long one download may take in total. <value>Default 30 seconds.</value></summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Hosts files may be downloaded from; <c>*.example.com</c> matches every subdomain. The configured Salesforce
    /// instance (host and port) is always allowed, also on a private address (the emulated org); every other host must
    /// resolve to public addresses only. <value>Default: *.force.com, *.salesforce.com, *.documentforce.com,
    /// *.salesforce-scrt.com, *.cloudforce.com.</value>
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// How long a stored file is kept; <see cref="TimeSpan.Zero"/> keeps files forever. At least a day, well beyond the
    /// delivery retries (a file still needed then is gone and its message is dead-lettered). <value>Default 30 days.</value>
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The shortest <see cref="Retention"/> accepted.</summary>
    public static TimeSpan MinRetention { get; } = TimeSpan.FromDays(1);

    /// <summary>Salesforce's documented MIME types for end-user files.</summary>
    public static IReadOnlyList<string> DefaultInboundMimeTypes { get; } =
    [
        "image/jpeg", "image/gif", "image/bmp", "image/png", "application/pdf", "video/3gpp2", "audio/3gpp2", "video/3gpp", "audio/3gpp",
        "video/mpeg", "audio/mpeg", "video/mp4", "audio/mp4",
    ];

    /// <summary>Salesforce's file hosts.</summary>
    public static IReadOnlyList<string> DefaultAllowedHosts { get; } =
        ["*.force.com", "*.salesforce.com", "*.documentforce.com", "*.salesforce-scrt.com", "*.cloudforce.com"];

    /// <summary>The configured MIME types, or the documented ones.</summary>
    public IReadOnlyList<string> EffectiveInboundMimeTypes => InboundMimeTypes.Count > 0 ? InboundMimeTypes : DefaultInboundMimeTypes;

    /// <summary>The configured hosts, or Salesforce's.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts => AllowedHosts.Count > 0 ? AllowedHosts : DefaultAllowedHosts;
}
