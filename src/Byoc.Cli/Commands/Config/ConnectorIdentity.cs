namespace Byoc.Cli.Commands.Config;

/// <summary>Who the connector logs in as and where: the integration user's JWT bearer login and the org's endpoints.</summary>
/// <param name="LoginUrl">The OAuth login host (the JWT audience).</param>
/// <param name="ConsumerKey">The External Client App's or Connected App's consumer key.</param>
/// <param name="Username">The integration user.</param>
/// <param name="PrivateKeyPath">The PEM key whose certificate the app holds.</param>
/// <param name="ScrtUrl">The Interaction Service (SCRT2) base URL.</param>
/// <param name="PubSubEndpoint">The Pub/Sub API.</param>
/// <param name="PubSubCaFile">A local CA for the Pub/Sub endpoint (the emulated org's), or null for the system store.</param>
internal sealed record ConnectorIdentity(
    Uri LoginUrl, string ConsumerKey, string Username, string PrivateKeyPath, Uri ScrtUrl, Uri PubSubEndpoint, string? PubSubCaFile)
{
    /// <summary>
    /// The SCRT2 host of a My Domain: no API returns it, and Salesforce's samples derive it by replacing
    /// <c>.my.salesforce.com</c> with <c>.my.salesforce-scrt.com</c> (sandboxes keep their <c>--name.sandbox</c> part).
    /// </summary>
    /// <returns>The URL, or null when the instance URL is not a My Domain URL.</returns>
    public static Uri? ScrtUrlOf(Uri instanceUrl)
    {
        const string MyDomain = ".my.salesforce.com";
        var host = instanceUrl.Host;
        return host.EndsWith(MyDomain, StringComparison.OrdinalIgnoreCase)
            ? new Uri("https://" + host[..^MyDomain.Length] + ".my.salesforce-scrt.com")
            : null;
    }
}
