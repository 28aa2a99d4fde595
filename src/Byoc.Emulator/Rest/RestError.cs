using System.Text.Json.Serialization;

namespace Byoc.Emulator.Rest;

/// <summary>One entry of Salesforce's REST error array (org-emulation.md §4.4).</summary>
internal sealed record RestError(
    string Message,
    string ErrorCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Fields = null);
