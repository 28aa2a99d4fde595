namespace Byoc.Emulator.Rest.Search;

/// <summary>One object of a RETURNING clause: <c>Type(fields WHERE … ORDER BY … LIMIT n)</c>.</summary>
internal sealed record SoslReturning(string Type, IReadOnlyList<string> Fields, string? Where, string? OrderBy, int? Limit);
