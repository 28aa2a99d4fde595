namespace Byoc.Emulator.Faults;

internal sealed partial class TokenRevocationWorker
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, EventName = "TokensRevoked", Level = LogLevel.Information,
            Message = "Fault injection revoked {Count} access tokens")]
        public static partial void Revoked(ILogger logger, int count);
    }
}
