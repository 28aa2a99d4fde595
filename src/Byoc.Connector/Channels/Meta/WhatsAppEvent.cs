namespace Byoc.Connector.Channels.Meta;

/// <summary>One end user's message from a WhatsApp webhook (<c>value.messages[]</c>), as far as the channel reads it.</summary>
/// <param name="Id">The message's wamid, the de-duplication key.</param>
/// <param name="User">The end user: <c>from</c> (the wa_id), else the contact's <c>wa_id</c>, else the business-scoped
/// <c>user_id</c>, which the inbound adapter replaces by the wa_id it was last seen with.</param>
/// <param name="At">Meta's <c>timestamp</c>.</param>
/// <param name="Type">Meta's <c>type</c> (<c>text</c>, <c>interactive</c>, <c>button</c>, <c>image</c>, …).</param>
/// <param name="Text">The text, the tapped option's title, or a media message's caption.</param>
/// <param name="ChoiceId">For a tapped reply button, list row or template quick reply: its id or payload.</param>
/// <param name="Media">For an image, document, audio, video or sticker: its media object.</param>
/// <param name="UserId">The business-scoped <c>user_id</c> (of the message, else of its contact), when the webhook carries one.</param>
internal sealed record WhatsAppEvent(string Id, string User, DateTimeOffset At, string Type, string? Text, string? ChoiceId, WhatsAppMedia? Media = null,
    string? UserId = null);
