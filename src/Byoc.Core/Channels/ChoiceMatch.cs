using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>A typed answer matched to an offered choices message (<see cref="IInboundContext.MatchChoiceAsync"/>).</summary>
/// <param name="EntryIdentifier">The choices entry the answer picks from.</param>
/// <param name="Option">The picked option.</param>
public sealed record ChoiceMatch(string EntryIdentifier, ChoiceOption Option)
{
    /// <summary>The typed message as the choice response it is: the option's identifier and title, in reply to the entry.</summary>
    public InboundMessage ToResponse(InboundMessage typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return typed with
        {
            Kind = InboundKind.ChoiceResponse,
            ChoiceOptionIdentifier = Option.Identifier,
            InReplyToEntryIdentifier = EntryIdentifier,
            Text = Option.Title,
        };
    }
}
