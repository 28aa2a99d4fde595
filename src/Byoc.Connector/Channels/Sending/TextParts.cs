namespace Byoc.Connector.Channels.Sending;

/// <summary>A long text as several messages, cut where a reader expects a break: one splitter for every platform's limit.</summary>
internal static class TextParts
{
    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="maxLength"/> characters: at the last paragraph
    /// break in the part, else the last line break, else the last sentence end, else the last space, else (one long word)
    /// at the limit, never between the two halves of a surrogate pair. A boundary in the first quarter of a part is not
    /// used, so no part is tiny. Whitespace at a boundary is dropped; no part is empty.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = Boundary(rest.AsSpan(0, maxLength));
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>Where to end a part that must fit in <paramref name="window"/>: the length of the part.</summary>
    private static int Boundary(ReadOnlySpan<char> window)
    {
        var floor = window.Length / 4;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n"])
        {
            if (window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal) is var at && at > floor)
            {
                return at + separator.Length;
            }
        }

        for (var i = window.Length - 2; i > floor; i--)
        {
            if (window[i] is '.' or '!' or '?' or '…' && char.IsWhiteSpace(window[i + 1]))
            {
                return i + 1;
            }
        }

        for (var i = window.Length - 1; i > floor; i--)
        {
            if (char.IsWhiteSpace(window[i]))
            {
                return i + 1;
            }
        }

        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}
