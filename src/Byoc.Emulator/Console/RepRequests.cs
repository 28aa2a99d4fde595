namespace Byoc.Emulator.Console;

/// <summary>The JSON bodies of the rep API.</summary>
internal static class RepRequests
{
    /// <summary><c>POST /console/api/signin</c>: the rep's username (or User id).</summary>
    internal sealed record SignIn(string Username);

    /// <summary><c>PUT /console/api/presence</c>: Available, Busy or Offline.</summary>
    internal sealed record Presence(string Status);

    /// <summary><c>POST /console/api/sessions/{id}/messages</c>.</summary>
    internal sealed record Reply(string Text);

    /// <summary><c>POST /console/api/sessions/{id}/typing</c>.</summary>
    internal sealed record Typing(bool Started);

    /// <summary>The answer to a reply: the published entry's identifier.</summary>
    internal sealed record Sent(string Identifier);
}
