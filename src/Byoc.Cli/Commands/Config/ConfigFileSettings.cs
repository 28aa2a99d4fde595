namespace Byoc.Cli.Commands.Config;

/// <summary>What <c>byoc setup --write-config</c> asks of the written file beyond what the org says.</summary>
/// <param name="WebhookOutboundUrl">Where the <c>webhook</c> channel POSTs the agent's messages (your platform's endpoint).</param>
/// <param name="PublicBaseUrl">The connector's public URL behind a proxy (<c>Connector:Channels:PublicBaseUrl</c>), or null.</param>
/// <param name="InlineSecrets">Whether secrets go into the file itself instead of owner-only files it names.</param>
internal sealed record ConfigFileSettings(Uri WebhookOutboundUrl, Uri? PublicBaseUrl, bool InlineSecrets);
