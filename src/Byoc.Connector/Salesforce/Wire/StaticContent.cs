namespace Byoc.Connector.Salesforce.Wire;

/// <summary><c>{formatType: "Text", text}</c>.</summary>
internal sealed record StaticContent(string FormatType, string Text)
{
    /// <summary>
    /// The most characters a text may have. The Interaction Service API documents no limit of its own
    /// (interaction-service-api.md §4.2 lists none); the text lands in <c>ConversationEntry.Message</c>, a long text area of
    /// 32,000 characters (org-emulation.md, the messaging object model), and a longer one fails in the org on every retry.
    /// Choice: the connector refuses such a text at the channel's door (422 naming the limit) rather than splitting it,
    /// because a split would show the end user's one message as several in the rep's transcript.
    /// </summary>
    public const int MaxTextLength = 32_000;
}
