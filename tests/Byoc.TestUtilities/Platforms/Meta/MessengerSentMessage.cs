namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>One message the application sent through the fake's Send API and the fake accepted.</summary>
/// <param name="Mid">The <c>message_id</c> the fake answered with.</param>
/// <param name="To">The recipient's PSID.</param>
/// <param name="Kind"><c>text</c>, <c>template</c> (a button template) or the attachment's type (<c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>).</param>
/// <param name="Text">The text, or the button template's text.</param>
/// <param name="MessagingType"><c>RESPONSE</c>, <c>UPDATE</c> or <c>MESSAGE_TAG</c>.</param>
/// <param name="Tag">For <c>MESSAGE_TAG</c>: the tag (<c>HUMAN_AGENT</c>).</param>
/// <param name="QuickReplies">The quick replies' (payload, title) pairs.</param>
/// <param name="Buttons">The button template's postback buttons' (payload, title) pairs.</param>
/// <param name="Upload">For a file sent by <c>attachment_id</c>: the uploaded file.</param>
/// <param name="Url">For a file sent by <c>url</c>: the URL.</param>
/// <param name="At">The fake's time of acceptance, which its watermarks compare with.</param>
/// <param name="Json">The request body as received.</param>
public sealed record MessengerSentMessage(
    string Mid,
    string To,
    string Kind,
    string? Text,
    string MessagingType,
    string? Tag,
    IReadOnlyList<(string Payload, string Title)> QuickReplies,
    IReadOnlyList<(string Payload, string Title)> Buttons,
    MessengerUpload? Upload,
    Uri? Url,
    DateTimeOffset At,
    string Json);
