using System.Diagnostics;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// The connector's trace spans. A span's W3C <c>traceparent</c> is stored with the inbox or outbox row it created, so
/// the worker's span continues the same trace after the queue: webhook → inbox → Interaction API, and Pub/Sub event →
/// outbox → channel send.
/// </summary>
internal static class ConnectorActivities
{
    public const string SourceName = "Byoc.Connector";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the span of a worker handling a queue row, continuing the trace stored with the row when there is one.</summary>
    public static Activity? StartDelivery(string queue, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity($"{queue} deliver", ActivityKind.Consumer, parent);
    }

    /// <summary>The current span as a W3C <c>traceparent</c>, for storing with a queue row; null when nothing is traced.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
}
