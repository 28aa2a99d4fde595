namespace Byoc.Emulator.Console;

/// <summary>A rep as the console shows it.</summary>
internal sealed record RepView(string Id, string Username, string Name, string Presence);
