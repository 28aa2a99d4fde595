using System.Text;
using Byoc.Connector.Channels.Telegram;

namespace Byoc.Connector.Tests.Channels.Telegram;

public sealed class TelegramKeyboardsTests
{
    [Fact]
    public void CallbackData_LongEntryIdentifier_FitsTelegramsLimitAndReadsBack()
    {
        var entry = new string('e', 500);

        var data = TelegramKeyboards.CallbackData(entry, 99);

        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, 64);
        Assert.True(TelegramKeyboards.TryParse(data, out var key, out var index));
        Assert.Equal(99, index);
        Assert.Equal(data.Split(':')[0], key);
        Assert.NotEqual(key, TelegramKeyboards.CallbackData(entry + "2", 99).Split(':')[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("short:1")]
    [InlineData("0123456789abcdef:")]
    [InlineData("0123456789abcdef:-1")]
    [InlineData("0123456789abcdef:100")]
    public void TryParse_DataNotOurs_IsFalse(string? data)
    {
        Assert.False(TelegramKeyboards.TryParse(data, out _, out _));
    }
}
