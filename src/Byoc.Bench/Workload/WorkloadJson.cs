using System.Text.Json;
using System.Text.Json.Serialization;

namespace Byoc.Bench.Workload;

/// <summary>Source-generated JSON for the load driver's request bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class WorkloadJson : JsonSerializerContext;
