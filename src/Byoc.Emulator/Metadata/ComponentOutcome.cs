namespace Byoc.Emulator.Metadata;

/// <summary>What applying a component did: created a new record (or type) or changed an existing one.</summary>
internal sealed record ComponentOutcome(bool Created, string? Id);
