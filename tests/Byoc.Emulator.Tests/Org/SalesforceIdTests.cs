using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Tests.Org;

public sealed class SalesforceIdTests
{
    [Theory]
    [InlineData("AAAAAaaaaaAaaaa", "AAAAAaaaaaAaaaa5AB")]
    [InlineData("000000000000000", "000000000000000AAA")]
    [InlineData("aaaaaAAAAAaaaaA", "aaaaaAAAAAaaaaAA5Q")]
    public void To18_AppendsChecksumOfUppercasePositions(string id15, string expected) =>
        Assert.Equal(expected, SalesforceId.To18(id15));

    [Fact]
    public void Create_UsesKeyPrefixAndProducesValidChecksum()
    {
        var id = SalesforceId.Create(KeyPrefixes.MessagingSession, 12345);

        Assert.Equal(18, id.Length);
        Assert.StartsWith("0Mw", id, StringComparison.Ordinal);
        Assert.Equal(id, SalesforceId.To18(id[..15]));
    }

    [Fact]
    public void TryNormalize_AcceptsBothFormsAndRejectsBadChecksum()
    {
        var id = SalesforceId.Create(KeyPrefixes.User, 7);

        Assert.True(SalesforceId.TryNormalize(id[..15], out var from15));
        Assert.Equal(id, from15);
        Assert.False(SalesforceId.TryNormalize(id[..15] + "ZZZ", out _));
        Assert.False(SalesforceId.TryNormalize("005'; DROP--", out _));
        Assert.False(SalesforceId.TryNormalize(null, out _));
    }

    [Fact]
    public void AreEqual_ComparesFifteenCharacterPrefixCaseSensitively()
    {
        var id = SalesforceId.Create(KeyPrefixes.User, 99);

        Assert.True(SalesforceId.AreEqual(id, id[..15]));
        Assert.False(SalesforceId.AreEqual(id, SalesforceId.Create(KeyPrefixes.User, 100)));
    }
}
