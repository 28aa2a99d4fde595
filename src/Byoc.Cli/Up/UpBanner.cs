using Spectre.Console;

namespace Byoc.Cli.Up;

/// <summary>What <c>byoc up</c> prints once everything listens: where to chat, where the rep signs in, the webhook and how to stop.</summary>
internal static class UpBanner
{
    /// <summary>The seeded rep the banner suggests signing in as.</summary>
    public const string SuggestedRep = "alex.rivera@byoc.emulated";

    public static IAnsiConsole CreateConsole(TextWriter output)
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = noColor ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        // URLs must stay on one line when the output is piped (Spectre assumes 80 columns there).
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        return console;
    }

    public static void Write(IAnsiConsole console, UpStack stack, bool builtInSink)
    {
        var c = stack.Credentials;
        console.MarkupLine("[green bold]byoc up[/]: the emulated Salesforce org and the connector are running.");
        console.WriteLine();
        Line(console, "Web chat (talk to the agent)", stack.WebChatUrl.ToString());
        Line(console, "Rep console", $"{stack.RepConsoleUrl} (sign in as {SuggestedRep}, or sam.chen@byoc.emulated; set yourself Available)");
        Line(console, "Webhook endpoint", stack.WebhookUrl.ToString());
        Line(console, "Webhook secret", stack.Secrets.WebhookSecret);
        Line(console, "Webhook replies go to", builtInSink
            ? $"{stack.WebhookOutboundUrl} (built-in sink: GET it to read the last 100; pass --webhook-url for your platform)"
            : stack.WebhookOutboundUrl.ToString());
        Line(console, "Connector health", stack.HealthUrl.ToString());
        Line(console, "Metrics (Prometheus)", new Uri(stack.ConnectorUrl, "/metrics").ToString());
        Line(console, "Dead letters", $"byoc deadletters list --url {stack.ConnectorUrl} --api-key {stack.Secrets.AdminApiKey}");
        Line(console, "Org instance (OAuth, REST)", c.InstanceUrl);
        Line(console, "Interaction Service API", c.ScrtUrl);
        Line(console, "Pub/Sub API", $"{c.PubSubEndpoint}{(c.PubSubTls ? " (TLS, CA " + c.PubSubCaFile + ")" : string.Empty)}");
        Line(console, "Channel address", c.ChannelAddressIdentifier ?? "-");
        console.WriteLine();
        console.MarkupLine("Press [bold]Ctrl+C[/] to stop both.");
    }

    private static void Line(IAnsiConsole console, string label, string value) =>
        console.MarkupLineInterpolated($"  [bold]{label,-28}[/] {value}");
}
