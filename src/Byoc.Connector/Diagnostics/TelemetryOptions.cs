namespace Byoc.Connector.Diagnostics;

/// <summary>Metrics and traces. Section <c>Connector:Telemetry</c>; OTLP export follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Connector:Telemetry";

    /// <summary>How often queue depths and the dead-letter count are read from the store. <value>Default 5 seconds.</value></summary>
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Base64 key of the keyed hash that stands for end users in logs. <value>Default: a random key per run.</value></summary>
    public string? IdentifierHashKey { get; set; }

    /// <summary>The <c>service.name</c> resource attribute. <value>Default <c>byoc-connector</c>.</value></summary>
    public string ServiceName { get; set; } = "byoc-connector";
}
