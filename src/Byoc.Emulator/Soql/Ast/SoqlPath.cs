namespace Byoc.Emulator.Soql.Ast;

/// <summary>A field reference, possibly through relationships: <c>MessagingSession.MessagingChannel.DeveloperName</c>.</summary>
internal sealed record SoqlPath(IReadOnlyList<SoqlName> Segments)
{
    public int Position => Segments[0].Position;

    public string Text => string.Join('.', Segments.Select(s => s.Text));
}
