namespace Byoc.Connector.Admin;

internal static partial class AdminExtensions
{
    private static partial class Log
    {
        [LoggerMessage(910, LogLevel.Information, "The admin API is off: set Connector:Admin:ApiKey to turn it on.", EventName = "AdminApiDisabled")]
        public static partial void AdminApiDisabled(ILogger logger);
    }
}
