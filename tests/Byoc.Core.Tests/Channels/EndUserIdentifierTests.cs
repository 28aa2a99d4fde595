using Byoc.Core.Channels;

namespace Byoc.Core.Tests.Channels;

public sealed class EndUserIdentifierTests
{
    [Theory]
    [InlineData("web", "u1", "web:u1")]
    [InlineData("sms", "whatsapp:+14155550100", "sms:whatsapp:+14155550100")]
    [InlineData("wa", "US.13491208655302741918", "wa:US.13491208655302741918")]
    public void ToString_IsChannelColonPlatformUserAndParsesBack(string channel, string platformUserId, string expected)
    {
        var identifier = new EndUserIdentifier(channel, platformUserId);

        Assert.Equal(expected, identifier.ToString());
        Assert.True(EndUserIdentifier.TryParse(expected, out var parsed));
        Assert.Equal(identifier, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-colon")]
    [InlineData(":u1")]
    [InlineData("web:")]
    [InlineData("we b:u1")]
    [InlineData("web.chat:u1")]
    public void TryParse_NotAnIdentifier_IsFalse(string? value)
    {
        Assert.False(EndUserIdentifier.TryParse(value, out _));
    }

    [Fact]
    public void Fits_AtSalesforcesLimit_TrueAndOneMoreFalse()
    {
        Assert.Equal(236, EndUserIdentifier.MaxPlatformUserIdLength("web"));
        Assert.True(new EndUserIdentifier("web", new string('u', 236)).Fits);
        Assert.False(new EndUserIdentifier("web", new string('u', 237)).Fits);
        Assert.False(new EndUserIdentifier("web", string.Empty).Fits);
    }

    [Theory]
    [InlineData("web", true)]
    [InlineData("web-chat_2", true)]
    [InlineData("", false)]
    [InlineData("web:chat", false)]
    [InlineData("web/chat", false)]
    public void ChannelNames_IsValid_LettersDigitsDashAndUnderscoreOnly(string name, bool expected)
    {
        Assert.Equal(expected, ChannelNames.IsValid(name));
        Assert.False(ChannelNames.IsValid(new string('a', ChannelNames.MaxLength + 1)));
    }
}
