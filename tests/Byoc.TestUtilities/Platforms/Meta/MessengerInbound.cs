namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A webhook the fake Messenger posted (or is posting) to the callback URL: the ids of the events in it and its exact JSON.</summary>
/// <param name="Id">The delivery's id in <see cref="FakeMessenger.WebhookAttempts"/>.</param>
/// <param name="Mids">The mids of the messages and postbacks in it.</param>
/// <param name="Json">The body, as signed.</param>
public sealed record MessengerInbound(string Id, IReadOnlyList<string> Mids, string Json);
