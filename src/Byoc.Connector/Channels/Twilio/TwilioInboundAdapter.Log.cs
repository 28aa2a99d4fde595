namespace Byoc.Connector.Channels.Twilio;

internal sealed partial class TwilioInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1500, LogLevel.Debug, "Twilio channel {Channel} ignored {What}.", EventName = "TwilioMessageIgnored")]
        public static partial void MessageIgnored(ILogger logger, string channel, string what);

        [LoggerMessage(1501, LogLevel.Information, "Twilio channel {Channel} recorded an end user's {Keyword}.", EventName = "TwilioOptOutRecorded")]
        public static partial void OptOutRecorded(ILogger logger, string channel, string keyword);
    }
}
