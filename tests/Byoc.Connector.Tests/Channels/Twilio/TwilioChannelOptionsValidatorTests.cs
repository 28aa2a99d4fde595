using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Channels.Twilio;

public sealed class TwilioChannelOptionsValidatorTests
{
    [Fact]
    public void Validate_EveryKeyWrong_NamesEachAndNeverEchoesTheToken()
    {
        var options = new TwilioChannelOptions
        {
            Channels =
            {
                ["sms"] = new TwilioEndpointOptions
                {
                    AccountSid = "XY123",
                    AuthToken = "",
                    ApiKeySid = "SK0000000000000000000000000000fa6e",
                    From = "5551234",
                    ApiBaseUrl = new Uri("https://api.twilio.com/path"),
                    WindowTemplateContentSid = "HX1",
                    PerNumberMessagesPerSecond = 0,
                },
            },
        };

        var result = new TwilioChannelOptionsValidator(Options.Create(new ChannelDoorOptions())).Validate(null, options);

        const string Key = "Connector:Twilio:Channels:sms";
        Assert.True(result.Failed);
        foreach (var expected in new[]
        {
            $"{Key}:ChannelAddressIdentifier is required", $"{Key}:AccountSid must be 'AC'", $"{Key}:AuthToken is required",
            $"{Key}:ApiKeySecret is required", $"{Key}:From must be an E.164 number", $"{Key}:ApiBaseUrl must be",
            $"{Key}:WindowTemplateContentSid must be 'HX'", $"{Key}:PublicBaseUrl or Connector:Channels:PublicBaseUrl is required",
            $"{Key}:PerNumberMessagesPerSecond must be positive",
        })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_CompleteChannel_Succeeds()
    {
        var options = new TwilioChannelOptions
        {
            Channels =
            {
                ["wa"] = new TwilioEndpointOptions
                {
                    ChannelAddressIdentifier = "addr",
                    Kind = TwilioChannelKind.WhatsApp,
                    AccountSid = "AC0000000000000000000000000000fa6e",
                    AuthToken = "s3cret-token-value",
                    MessagingServiceSid = "MG0000000000000000000000000000fa6e",
                    PublicBaseUrl = new Uri("https://byoc.example.com"),
                },
            },
        };

        var result = new TwilioChannelOptionsValidator(Options.Create(new ChannelDoorOptions())).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
