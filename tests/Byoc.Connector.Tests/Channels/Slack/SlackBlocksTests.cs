using Byoc.Connector.Channels.Slack;
using Byoc.Core.Messages;

namespace Byoc.Connector.Tests.Channels.Slack;

public sealed class SlackBlocksTests
{
    [Theory]
    [InlineData(25, 75, 200, true)]
    [InlineData(26, 10, 200, false)]
    [InlineData(3, 76, 200, false)]
    [InlineData(3, 10, 247, true)]
    [InlineData(3, 10, 248, false)]
    public void Choices_AtAndBeyondSlacksLimits_ButtonsOrNull(int count, int titleLength, int entryLength, bool fits)
    {
        var message = Choices(count, new string('t', titleLength), new string('e', entryLength));

        var blocks = SlackBlocks.Choices(message, "Pick one", SlackBlocks.MaxButtons);

        Assert.Equal(fits, blocks is not null);
    }

    [Fact]
    public void Choices_Fitting_ButtonsReadBackToEntryAndOption()
    {
        var message = Choices(2, "Option", "entry-42");

        var blocks = SlackBlocks.Choices(message, "Pick one", 10)!;
        var actions = blocks[1]!;
        var button = actions["elements"]![1]!;

        Assert.True(SlackBlocks.TryReadChoice((string?)actions["block_id"], (string?)button["value"], out var entry, out var option));
        Assert.Equal(("entry-42", "id-1", "choice-1"), (entry, option, (string?)button["action_id"]));
    }

    [Theory]
    [InlineData(null, "v")]
    [InlineData("other-block", "v")]
    [InlineData("choices:", "v")]
    [InlineData("choices:e", null)]
    public void TryReadChoice_NotOurs_False(string? blockId, string? value)
    {
        Assert.False(SlackBlocks.TryReadChoice(blockId, value, out _, out _));
    }

    [Theory]
    [InlineData("PerChannel", "C1", "1.2", "C1:U1")]
    [InlineData("PerThread", "C1", "1.2", "C1:1.2:U1")]
    [InlineData("PerThread", "D1", "1.2", "D1:U1")]
    public void EndUsers_ForAndBack_RoundTrip(string mode, string channel, string thread, string expected)
    {
        var user = SlackEndUsers.For(Enum.Parse<SlackConversationMode>(mode), channel, "U1", thread);

        Assert.Equal(expected, user);
        Assert.True(SlackEndUsers.TryParse(user, out var back, out var backThread));
        Assert.Equal((channel, expected.Split(':').Length == 3 ? thread : null), (back, backThread));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C1::U1")]
    [InlineData("C1:1.2:U1:x")]
    [InlineData("C 1:U1")]
    public void EndUsers_TryParse_NotASlackEndUser_False(string value)
    {
        Assert.False(SlackEndUsers.TryParse(value, out _, out _));
    }

    private static OutboundMessage Choices(int count, string title, string entry) => new()
    {
        Channel = "slack",
        PlatformUserId = "D1:U1",
        EntryIdentifier = entry,
        ConversationIdentifier = "c",
        Kind = OutboundKind.Choices,
        Choices = [.. Enumerable.Range(0, count).Select(i => new ChoiceOption("id-" + i, title))],
    };
}
