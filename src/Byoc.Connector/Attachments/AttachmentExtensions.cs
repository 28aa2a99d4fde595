using Byoc.Connector.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>Registers the attachment store and its sweeper, the inbound file limits and the guarded downloader.</summary>
internal static class AttachmentExtensions
{
    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>();
        services.AddSingleton<AttachmentFiles>();
        services.AddSingleton<InboundFileCheck>();
        services.AddSingleton<SafeDownloader>();
        services.AddSingleton<OutboundFileFetcher>();
        services.AddHostedService<AttachmentSweeper>();
        services.AddHttpClient(SafeDownloader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => SafeDownloader.CreateHandler())
            .AddRedactedLogging();
        services.AddHttpClient(SafeDownloader.TrustedHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => SafeDownloader.CreateTrustedHandler())
            .AddRedactedLogging();
        return builder;
    }
}
