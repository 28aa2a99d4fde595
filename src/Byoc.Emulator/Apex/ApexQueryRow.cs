namespace Byoc.Emulator.Apex;

/// <summary>
/// One queried record: its type and the selected top-level fields (always including <c>Id</c>), with values in the
/// store's CLR types (string, bool, long, double, DateTimeOffset, DateOnly).
/// </summary>
internal sealed record ApexQueryRow(string ObjectName, IReadOnlyDictionary<string, object?> Fields);
