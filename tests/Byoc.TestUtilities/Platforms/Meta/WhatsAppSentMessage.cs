namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>One message the application sent through the fake's Graph API and the fake accepted.</summary>
/// <param name="Wamid">The id the fake answered with.</param>
/// <param name="To">The recipient as sent.</param>
/// <param name="Type"><c>text</c>, <c>interactive</c> or <c>template</c>.</param>
/// <param name="Text">The text body, the interactive body, or the template's first body parameter.</param>
/// <param name="InteractiveType">For <c>interactive</c>: <c>button</c> or <c>list</c>.</param>
/// <param name="Options">The reply buttons' or list rows' (id, title) pairs.</param>
/// <param name="TemplateName">For <c>template</c>: its name.</param>
/// <param name="CallbackData">The <c>biz_opaque_callback_data</c>, echoed in the message's statuses.</param>
/// <param name="InWindow">Whether the recipient's customer-service window was open when it was sent.</param>
/// <param name="Json">The request body as received.</param>
public sealed record WhatsAppSentMessage(
    string Wamid,
    string To,
    string Type,
    string? Text,
    string? InteractiveType,
    IReadOnlyList<(string Id, string Title)> Options,
    string? TemplateName,
    string? CallbackData,
    bool InWindow,
    string Json);
