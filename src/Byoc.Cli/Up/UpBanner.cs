using Spectre.Console;

namespace Byoc.Cli.Up;

/// <summary>What <c>byoc up</c> prints once everything listens: where to chat, where the rep signs in, the webhook and how to stop.</summary>
internal static class UpBanner
{
    /// <summary>The seeded rep the banner suggests signing in as.</summary>
    public const string SuggestedRep = "alex.rivera@byoc.emulated";

    /// <summary>The width of the label column when a line fits.</summary>
    private const int LabelWidth = 28;

    /// <summary>
    /// Writes the banner to an unwrapped console (see <see cref="CliConsole.CreateUnwrapped"/>); a line that does not fit
    /// <paramref name="width"/> puts its value on its own line below the label, so nothing is cut inside a URL.
    /// </summary>
    public static void Write(IAnsiConsole console, int width, UpStack stack, bool builtInSink)
    {
        var c = stack.Credentials;
        console.MarkupLine("[green bold]byoc up[/]: the emulated Salesforce org and the connector are running.");
        console.WriteLine();
        Line(console, width, "Web chat (talk to the agent)", stack.WebChatUrl.ToString());
        Line(console, width, "Rep console", $"{stack.RepConsoleUrl} (sign in as {SuggestedRep}, or sam.chen@byoc.emulated; set yourself Available)");
        Line(console, width, "Webhook endpoint", stack.WebhookUrl.ToString());
        Line(console, width, "Webhook secret", stack.Secrets.WebhookSecret);
        Line(console, width, "Webhook replies go to", builtInSink
            ? $"{stack.WebhookOutboundUrl} (built-in sink: GET it to read the last 100; pass --webhook-url for your platform)"
            : stack.WebhookOutboundUrl.ToString());
        Line(console, width, "Connector health", stack.HealthUrl.ToString());
        Line(console, width, "Metrics (Prometheus)", new Uri(stack.ConnectorUrl, "/metrics").ToString());
        Line(console, width, "Dead letters", $"byoc deadletters list --url {stack.ConnectorUrl} --api-key {stack.Secrets.AdminApiKey}");
        Line(console, width, "Org instance (OAuth, REST)", c.InstanceUrl);
        Line(console, width, "Interaction Service API", c.ScrtUrl);
        Line(console, width, "Pub/Sub API", $"{c.PubSubEndpoint}{(c.PubSubTls ? " (TLS, CA " + c.PubSubCaFile + ")" : string.Empty)}");
        Line(console, width, "Channel address", c.ChannelAddressIdentifier ?? "-");
        console.WriteLine();
        console.MarkupLine("Dev shortcuts (password-less sign-in, rep console, sink list): loopback only.");
        console.MarkupLine("Press [bold]Ctrl+C[/] to stop both.");
    }

    private static void Line(IAnsiConsole console, int width, string label, string value)
    {
        if (2 + LabelWidth + 1 + value.Length <= width)
        {
            console.MarkupLineInterpolated($"  [bold]{label,-LabelWidth}[/] {value}");
            return;
        }

        console.MarkupLineInterpolated($"  [bold]{label}[/]");
        console.MarkupLineInterpolated($"    {value}");
    }
}
