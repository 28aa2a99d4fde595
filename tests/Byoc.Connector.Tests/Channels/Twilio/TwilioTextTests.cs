using Byoc.Connector.Channels.Twilio;

namespace Byoc.Connector.Tests.Channels.Twilio;

public sealed class TwilioTextTests
{
    [Fact]
    public void Split_ShortText_OnePart() => Assert.Equal(["hello"], TwilioText.Split("hello"));

    [Fact]
    public void Split_LongText_CutAtWordsWithinTheLimit()
    {
        var text = string.Join(" ", Enumerable.Repeat("word", 1000));

        var parts = TwilioText.Split(text);

        Assert.All(parts, part => Assert.InRange(part.Length, 1, TwilioText.MaxLength));
        Assert.Equal(text, string.Join(" ", parts));
    }

    [Fact]
    public void Split_NoBreakAndASurrogatePairAtTheLimit_PairKeptWhole()
    {
        var text = new string('x', TwilioText.MaxLength - 1) + "\U0001F600" + "tail";

        var parts = TwilioText.Split(text);

        Assert.Equal(new string('x', TwilioText.MaxLength - 1), parts[0]);
        Assert.Equal("\U0001F600tail", parts[1]);
    }
}
