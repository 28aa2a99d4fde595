namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A webhook the fake posted (or is posting) to the callback URL: the wamids it carries and its exact JSON.</summary>
/// <param name="Id">The delivery's id in <see cref="FakeMeta.WebhookAttempts"/>.</param>
/// <param name="Wamids">The ids of the messages or statuses in it.</param>
/// <param name="Json">The body, as signed.</param>
public sealed record WhatsAppInbound(string Id, IReadOnlyList<string> Wamids, string Json);
