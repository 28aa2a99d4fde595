namespace Byoc.Connector.Salesforce;

/// <summary>How the connector reaches one Salesforce org. Section <c>Connector:Salesforce</c>.</summary>
public sealed class SalesforceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Salesforce";

    /// <summary>OAuth login host; also the JWT <c>aud</c>. <value>Default <c>https://login.salesforce.com</c>.</value></summary>
    public Uri? LoginUrl { get; set; } = new("https://login.salesforce.com");

    /// <summary>The connected app's consumer key (JWT <c>iss</c>). <value>Required.</value></summary>
    public string? ConsumerKey { get; set; }

    /// <summary>The integration user's Salesforce username (JWT <c>sub</c>). <value>Required.</value></summary>
    public string? Username { get; set; }

    /// <summary>Path of the PEM private key that signs the JWT (RS256). <value>Required.</value></summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The org id sent in the <c>OrgId</c> header and as Pub/Sub <c>tenantid</c>. <value>Required.</value></summary>
    public string? OrgId { get; set; }

    /// <summary>The My Domain URL (Pub/Sub <c>instanceurl</c>). <value>Default: the token response's <c>instance_url</c>.</value></summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>The Interaction Service (SCRT2) base URL, without <c>/api/v1</c>. <value>Required.</value></summary>
    public Uri? ScrtUrl { get; set; }

    /// <summary>The ConversationChannelDefinition DeveloperName, sent as <c>AuthorizationContext</c>. <value>Required.</value></summary>
    public string? AuthorizationContext { get; set; }

    /// <summary>Per-call timeout for Salesforce HTTP calls. <value>Default 30 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>JWT assertion lifetime; Salesforce accepts at most 3 minutes. <value>Default 3 minutes.</value></summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Assumed access-token lifetime when the token is opaque. <value>Default 1 hour.</value></summary>
    public TimeSpan AssumedTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry the token is re-minted proactively. <value>Default 5 minutes.</value></summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often <c>PATCH /capabilities</c> is sent again after start-up. <value>Default 1 day.</value></summary>
    public TimeSpan CapabilitiesInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The <c>integrationNamespace</c> sent with capabilities. <value>Default: <see cref="OrgId"/>.</value></summary>
    public string? IntegrationNamespace { get; set; }

    /// <summary>Whether to register capabilities at all. <value>Default true.</value></summary>
    public bool RegisterCapabilities { get; set; } = true;

    /// <summary>The Pub/Sub subscription.</summary>
    public PubSubOptions PubSub { get; set; } = new();
}
