using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest;

/// <summary>The rows of a query larger than one batch, kept for its <c>nextRecordsUrl</c> pages.</summary>
internal sealed record QueryCursor(string Id, IReadOnlyList<JsonNode> Rows, int TotalSize, RestContext Rest, int BatchSize);
