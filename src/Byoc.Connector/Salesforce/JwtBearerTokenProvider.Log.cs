namespace Byoc.Connector.Salesforce;

internal sealed partial class JwtBearerTokenProvider
{
    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Information, "Minted a Salesforce access token for {InstanceUrl}, valid until {ExpiresAt}.",
            EventName = "TokenMinted")]
        public static partial void TokenMinted(ILogger logger, Uri instanceUrl, DateTimeOffset expiresAt);

        [LoggerMessage(101, LogLevel.Warning, "Salesforce rejected the access token; minting a new one.", EventName = "TokenRejected")]
        public static partial void TokenRejected(ILogger logger);
    }
}
