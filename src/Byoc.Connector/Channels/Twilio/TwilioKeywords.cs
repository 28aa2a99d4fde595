namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Twilio's default opt-out keywords (Advanced Opt-Out, "default opt-out keywords"): a message that is exactly one of
/// them, ignoring case and surrounding space, opts the sender out, back in, or asks for help. Twilio also sends
/// <c>OptOutType</c> when Advanced Opt-Out handled it, which wins.
/// </summary>
internal static class TwilioKeywords
{
    private static readonly HashSet<string> s_stop = new(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_start = new(["START", "YES", "UNSTOP"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_help = new(["HELP", "INFO"], StringComparer.OrdinalIgnoreCase);

    /// <summary>STOP, START, HELP or null for an ordinary message.</summary>
    public static string? Classify(string? optOutType, string? body)
    {
        if (optOutType is { Length: > 0 })
        {
            return optOutType.ToUpperInvariant();
        }

        var word = body?.Trim();
        return word is null ? null : s_stop.Contains(word) ? "STOP" : s_start.Contains(word) ? "START" : s_help.Contains(word) ? "HELP" : null;
    }
}
