namespace Byoc.Emulator.Console;

/// <summary>The work list: sessions waiting in queues and the signed-in rep's open sessions.</summary>
internal sealed record WorkListView(string Presence, int Capacity, IReadOnlyList<WorkView> Queued, IReadOnlyList<WorkView> Mine);
