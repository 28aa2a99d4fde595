using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>A Custom (Bring Your Own Channel) MessagingChannel exists for the address and is active.</summary>
internal sealed class ChannelCheck : IDoctorCheck
{
    public string Name => "channel";

    public string Title => "Custom messaging channel exists and is active";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var channel = await context.ChannelAsync(cancellationToken);
        if (channel is null)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"No MessagingChannel with {context.ChannelDescription}.",
                "Run byoc setup (it creates the channel or prints the Setup click-path), or pass the connector's --channel-address.");
        }

        var evidence = $"{channel.Str("DeveloperName")} ({channel.Str("Id")}): MessageType={channel.Str("MessageType")}, IsActive={channel.Bool("IsActive")}, address {channel.Str("ChannelAddressIdentifier")}.";
        if (!string.Equals(channel.Str("MessageType"), "Custom", StringComparison.Ordinal))
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, evidence, "Point the connector at a Bring Your Own Channel (MessageType Custom) channel.");
        }

        return channel.Bool("IsActive")
            ? new CheckResult(Name, Title, CheckStatus.Pass, evidence)
            : new CheckResult(Name, Title, CheckStatus.Fail, evidence, $"Setup → Messaging Settings → {channel.Str("DeveloperName")} → Activate.");
    }
}
