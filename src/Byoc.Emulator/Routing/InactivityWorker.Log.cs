namespace Byoc.Emulator.Routing;

internal sealed partial class InactivityWorker
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4203, EventName = "InactivitySweepFailed", Level = LogLevel.Error,
            Message = "The inactivity sweep failed; it runs again on the next tick")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
