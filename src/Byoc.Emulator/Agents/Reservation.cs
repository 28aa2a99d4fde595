namespace Byoc.Emulator.Agents;

/// <summary>A table reservation the scripted agent made.</summary>
internal sealed record Reservation(string Reference, string Name, int PartySize, DateOnly Date, TimeOnly Time, bool Cancelled);
