using Byoc.Connector.Attachments;

namespace Byoc.Connector.Tests.Attachments;

public sealed class HostAllowListTests
{
    [Theory]
    [InlineData("acme--c.na1.documentforce.com", true)]
    [InlineData("ACME.my.salesforce.com", true)]
    [InlineData("documentforce.com", false)]
    [InlineData("evil-documentforce.com", false)]
    [InlineData("files.example.com", true)]
    [InlineData("other.example.com", false)]
    public void Allows_MatchesExactNamesAndSubdomainWildcards(string host, bool allowed)
    {
        var sut = new HostAllowList(["*.documentforce.com", "*.salesforce.com", "files.example.com"]);

        Assert.Equal(allowed, sut.Allows(host));
    }

    [Theory]
    [InlineData("*.example.com", true)]
    [InlineData("example.com", true)]
    [InlineData("*", false)]
    [InlineData("a.*.com", false)]
    [InlineData("https://example.com", false)]
    public void IsValidPattern_NamesOrSubdomainWildcards(string pattern, bool valid) => Assert.Equal(valid, HostAllowList.IsValidPattern(pattern));
}
