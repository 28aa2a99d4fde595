namespace Byoc.Connector.Salesforce;

internal sealed partial class CapabilitiesWorker
{
    private static partial class Log
    {
        [LoggerMessage(600, LogLevel.Information, "Registered channel capabilities with Salesforce.", EventName = "CapabilitiesRegistered")]
        public static partial void Registered(ILogger logger);

        [LoggerMessage(601, LogLevel.Warning, "Registering capabilities failed: {Error}", EventName = "CapabilitiesRegistrationFailed")]
        public static partial void RegistrationFailed(ILogger logger, string error);

        [LoggerMessage(602, LogLevel.Error, "Registering capabilities threw.", EventName = "CapabilitiesRegistrationError")]
        public static partial void RegistrationError(ILogger logger, Exception exception);
    }
}
