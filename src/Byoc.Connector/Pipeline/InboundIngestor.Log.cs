using Byoc.Core.Messages;

namespace Byoc.Connector.Pipeline;

internal sealed partial class InboundIngestor
{
    private static partial class Log
    {
        [LoggerMessage(420, LogLevel.Debug, "Stored a {Kind} from end user {EndUser} on {Channel} in the inbox.", EventName = "InboundStored")]
        public static partial void Stored(ILogger logger, string channel, InboundKind kind, string endUser);
    }
}
