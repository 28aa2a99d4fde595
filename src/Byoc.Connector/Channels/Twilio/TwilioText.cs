namespace Byoc.Connector.Channels.Twilio;

/// <summary>Splits text at Twilio's limit: a message <c>Body</c> is at most 1,600 characters (Messages resource, Body).</summary>
internal static class TwilioText
{
    /// <summary>The longest <c>Body</c> Twilio takes, for SMS and WhatsApp alike (error 21617 above it).</summary>
    public const int MaxLength = 1600;

    /// <summary>Parts of at most <paramref name="max"/> characters, cut at a paragraph, line or word break where one is near.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxLength)
    {
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf("\n\n");
            if (cut < max / 2)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut < max / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            // No break in the second half: cut hard, but never between the halves of a surrogate pair.
            if (cut < max / 2)
            {
                cut = char.IsHighSurrogate(window[max - 1]) ? max - 1 : max;
            }

            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
