using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Byoc.Connector.Diagnostics;

/// <summary>Registers metrics, traces and health checks, and maps <c>/metrics</c> and <c>/healthz</c>.</summary>
internal static class TelemetryExtensions
{
    /// <summary>The standard variable that turns on OTLP export of traces and metrics.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The category of ASP.NET Core's per-request log lines.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The tag of the health checks behind <c>/healthz/ready</c>; each feature adds its own.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddConnectorTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.QueueSampleInterval > TimeSpan.Zero, $"{TelemetryOptions.Section}:QueueSampleInterval must be positive.")
            .Validate(o => o.IdentifierHashKey is null || Convert.TryFromBase64String(o.IdentifierHashKey, new byte[o.IdentifierHashKey.Length], out var n) && n >= 16,
                $"{TelemetryOptions.Section}:IdentifierHashKey must be base64 of at least 16 bytes.")
            .ValidateOnStart();
        services.AddMetrics();
        // ASP.NET Core's "Request starting/finished" lines carry the full URL with its query string, and the web chat's
        // event stream authenticates with ?access_token= (EventSource cannot send headers). Request timings are in the
        // http.server.request.duration metric and the traces instead. Registered after the configuration's rules, so
        // this rule wins for its category.
        builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        services.AddSingleton<ConnectorMetrics>();
        services.AddSingleton<EndUserHasher>();
        services.TryAddSingleton<UrlSecrets>();
        services.AddSingleton<RedactingActivityProcessor>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var serviceName = builder.Configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.ServiceName)}"] ?? new TelemetryOptions().ServiceName;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ConnectorActivities.SourceName, "Microsoft.AspNetCore", "System.Net.Http");
                // Before any exporter: processors run in the order they were added.
                tracing.AddProcessor<RedactingActivityProcessor>();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                // Only the connector's own meter: OpenTelemetry listens to meters by name across the whole process, and with
                // `byoc up` the emulated org's ASP.NET Core and HttpClient meters live in the same process, so including
                // those would mix the org's requests into the connector's series (duplicate series, broken histograms).
                metrics.AddMeter(ConnectorMetrics.MeterName);
                // No response cache: every scrape reads the instruments afresh.
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapConnectorDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync };
        endpoints.MapHealthChecks("/healthz", live);
        endpoints.MapHealthChecks("/healthz/live", live);
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
