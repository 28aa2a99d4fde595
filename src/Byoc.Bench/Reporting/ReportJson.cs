using System.Text.Json;
using System.Text.Json.Serialization;

namespace Byoc.Bench.Reporting;

/// <summary>Source-generated JSON of the results file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
