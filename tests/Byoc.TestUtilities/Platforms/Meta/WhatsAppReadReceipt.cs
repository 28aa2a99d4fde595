namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A <c>status: read</c> call of the application for a user's message, with or without the typing indicator.</summary>
public sealed record WhatsAppReadReceipt(string MessageId, bool Typing);
