using Byoc.Connector.Channels.Telegram;

namespace Byoc.Connector.Tests.Channels.Telegram;

public sealed class TelegramTextTests
{
    [Fact]
    public void Split_ShortText_IsOnePart()
    {
        Assert.Equal(["Hello there."], TelegramText.Split("  Hello there. "));
    }

    [Fact]
    public void Split_LongText_PartsFitAndPreferParagraphs()
    {
        var first = string.Join(" ", Enumerable.Repeat("word", 700));
        var second = string.Join(" ", Enumerable.Repeat("more", 300));
        var text = first + "\n\n" + second;

        var parts = TelegramText.Split(text);

        Assert.Equal([first, second], parts);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, TelegramText.MaxMessageLength));
    }

    [Fact]
    public void Split_NoParagraphs_CutsAtSentenceEnd()
    {
        var sentence = "This is one sentence of the agent's long answer. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 120)).Trim();

        var parts = TelegramText.Split(text);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, part => Assert.EndsWith(".", part, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_OneLongWordOfEmoji_NeverSplitsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3000)) + "x";

        var parts = TelegramText.Split(text);

        Assert.All(parts, part =>
        {
            Assert.InRange(part.Length, 1, TelegramText.MaxMessageLength);
            Assert.False(char.IsHighSurrogate(part[^1]), "A part ends inside a surrogate pair.");
            Assert.False(char.IsLowSurrogate(part[0]), "A part starts inside a surrogate pair.");
        });
        Assert.Equal(text, string.Concat(parts));
    }
}
