namespace Byoc.Emulator.Console;

/// <summary>What an SSE <c>change</c> event tells the page: which objects changed, and in which sessions.</summary>
internal sealed record ConsoleChange(IReadOnlyList<string> Objects, IReadOnlyList<string> SessionIds);
