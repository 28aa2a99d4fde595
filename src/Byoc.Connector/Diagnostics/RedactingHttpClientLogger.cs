using Microsoft.Extensions.Http.Logging;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// The request log of an <see cref="HttpClient"/> whose URLs carry secrets in their path (the Bot API's), in place of the
/// factory's default logger, which writes the full URL: one line per request with the method, the URL as
/// <see cref="UrlSecrets"/> redacts it, the status and the time taken. Logged under the default logger's category
/// (<c>System.Net.Http.HttpClient.{name}.ClientHandler</c>), so the same log filters apply.
/// </summary>
internal sealed partial class RedactingHttpClientLogger(ILogger logger, UrlSecrets secrets) : IHttpClientLogger
{
    /// <summary>The category the factory's own handler logs under for the named client.</summary>
    public static string Category(string clientName) => $"System.Net.Http.HttpClient.{clientName}.ClientHandler";

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Log.RequestCompleted(logger, request.Method.Method, secrets.Redact(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        Log.RequestFailed(logger, request.Method.Method, secrets.Redact(request.RequestUri), elapsed.TotalMilliseconds, exception.GetType().Name,
            secrets.Redact(exception.Message));
    }

    private static partial class Log
    {
        [LoggerMessage(920, LogLevel.Information, "HTTP {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms.", EventName = "RedactedRequestCompleted")]
        public static partial void RequestCompleted(ILogger logger, string method, string url, int statusCode, double elapsedMilliseconds);

        [LoggerMessage(921, LogLevel.Information, "HTTP {Method} {Url} failed after {ElapsedMilliseconds:0.0} ms: {ExceptionType}: {Message}", EventName = "RedactedRequestFailed")]
        public static partial void RequestFailed(ILogger logger, string method, string url, double elapsedMilliseconds, string exceptionType, string message);
    }
}
