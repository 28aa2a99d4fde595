namespace Byoc.Emulator.Rest.Search;

/// <summary>A parsed search: the term, where to look, which objects to return (none = every searchable one) and the overall limit.</summary>
internal sealed record SoslQuery(SearchTerm Term, SearchScope Scope, IReadOnlyList<SoslReturning> Returning, int? Limit);
