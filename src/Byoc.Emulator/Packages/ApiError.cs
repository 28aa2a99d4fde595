using System.Text.Json.Serialization;

namespace Byoc.Emulator.Packages;

/// <summary>One element of a REST error array (org-emulation.md §4.4).</summary>
internal sealed record ApiError(
    string Message,
    string ErrorCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Fields = null);
