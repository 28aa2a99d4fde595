namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// Twilio's default opt-out handling for SMS (Messaging, "Twilio support for opt-out keywords"): a message that is
/// exactly one of these words, ignoring case and surrounding spaces, opts the sender out, back in, or asks for help.
/// </summary>
internal static class TwilioKeywords
{
    private static readonly string[] s_optOut = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
    private static readonly string[] s_optIn = ["START", "YES", "UNSTOP"];
    private static readonly string[] s_help = ["HELP", "INFO"];

    /// <summary><c>STOP</c>, <c>START</c> or <c>HELP</c> (Advanced Opt-Out's <c>OptOutType</c> values), or null.</summary>
    public static string? Classify(string body)
    {
        var word = body.Trim().ToUpperInvariant();
        return s_optOut.Contains(word) ? "STOP" : s_optIn.Contains(word) ? "START" : s_help.Contains(word) ? "HELP" : null;
    }
}
