namespace Byoc.Emulator.Routing;

/// <summary>Who handles a MessagingSession right now.</summary>
internal enum SessionOwnerKind
{
    None,
    Agent,
    Queue,
    Rep,
    Ended,
}

/// <summary>Who handles a session: the Agentforce agent (<paramref name="Id"/> = BotDefinition id), a queue, or a rep (User id).</summary>
internal sealed record SessionOwner(SessionOwnerKind Kind, string? Id = null)
{
    public static readonly SessionOwner None = new(SessionOwnerKind.None);
}
