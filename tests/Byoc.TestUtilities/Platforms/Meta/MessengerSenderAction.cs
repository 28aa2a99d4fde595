namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A sender action the application sent: <c>typing_on</c>, <c>typing_off</c> or <c>mark_seen</c>, to <paramref name="To"/>.</summary>
public sealed record MessengerSenderAction(string To, string Action);
