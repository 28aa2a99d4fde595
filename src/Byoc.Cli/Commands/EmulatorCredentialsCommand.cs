using System.CommandLine;
using Byoc.Emulator.Hosting;

namespace Byoc.Cli.Commands;

/// <summary><c>byoc emulator credentials</c>: prints everything a BYOC client needs to reach the emulated org.</summary>
internal static class EmulatorCredentialsCommand
{
    public static Command Create()
    {
        var options = new EmulatorCommandOptions();
        var json = new Option<bool>("--json") { Description = "Print JSON (camelCase field names) instead of a table." };
        var command = new Command("credentials", "Print the login URL, consumer key, key file, org id, URLs, channel and topic of the emulated org.");
        options.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var credentials = Byoc.Emulator.EmulatorApplication.ReadCredentials([.. options.ToArgs(parseResult)]);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(credentials.ToJson());
                return ExitCodes.Success;
            }

            foreach (var (label, value) in Rows(credentials))
            {
                await output.WriteLineAsync($"{label,-34} {value}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string Label, string? Value)> Rows(EmulatorCredentials c) =>
    [
        ("Login URL (JWT aud/token endpoint)", c.LoginUrl),
        ("Instance URL", c.InstanceUrl),
        ("Interaction Service (SCRT) URL", c.ScrtUrl),
        ("Pub/Sub endpoint", c.PubSubEndpoint + (c.PubSubTls ? " (TLS)" : " (plaintext h2c)")),
        ("Pub/Sub CA file", c.PubSubTls ? c.PubSubCaFile : "-"),
        ("Consumer key (JWT iss)", c.ConsumerKey),
        ("Username (JWT sub)", c.Username),
        ("Admin username (byoc setup)", c.AdminUsername),
        ("Private key file", c.PrivateKeyFile),
        ("Certificate file", c.CertificateFile),
        ("Org id (15)", c.OrgId),
        ("Org id (18)", c.OrgId18),
        ("AuthorizationContext (CCD)", c.ChannelDefinitionDeveloperName),
        ("Channel address identifier", c.ChannelAddressIdentifier ?? "(no BYOC channel yet)"),
        ("Pub/Sub topic", c.TopicName ?? "-"),
        ("EventType field", c.EventTypeField ?? "-"),
        ("Payload field", c.PayloadField ?? "-"),
    ];
}
