using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Connector.Diagnostics;

/// <summary>Replaces an <see cref="HttpClient"/>'s default request logging, which writes full URLs, with <see cref="RedactingHttpClientLogger"/>.</summary>
internal static class RedactedHttpLogging
{
    public static IHttpClientBuilder AddRedactedLogging(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<UrlSecrets>();
        var category = RedactingHttpClientLogger.Category(builder.Name);
        return builder.RemoveAllLoggers().AddLogger(services =>
            new RedactingHttpClientLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger(category), services.GetRequiredService<UrlSecrets>()));
    }
}
