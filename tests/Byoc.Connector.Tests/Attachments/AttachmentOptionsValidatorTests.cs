using Byoc.Connector.Attachments;

namespace Byoc.Connector.Tests.Attachments;

public sealed class AttachmentOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new AttachmentOptionsValidator().Validate(null, new AttachmentOptions()).Succeeded);

    [Fact]
    public void Validate_WrongValues_NameEveryKey()
    {
        var options = new AttachmentOptions
        {
            Directory = " ",
            MaxInboundBytes = 26L * 1024 * 1024,
            MaxDownloadBytes = 0,
            DownloadTimeout = TimeSpan.Zero,
            InboundMimeTypes = ["png"],
            AllowedHosts = ["https://files.example.com"],
            Retention = TimeSpan.FromHours(2),
        };

        var result = new AttachmentOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Equal(7, result.Failures!.Count());
        foreach (var key in new[] { "Directory", "MaxInboundBytes", "MaxDownloadBytes", "DownloadTimeout", "InboundMimeTypes", "AllowedHosts", "Retention" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith($"Connector:Attachments:{key}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void InboundFileCheck_TypeAndSize_ReasonsForTheEndUser()
    {
        using var attachments = new TestAttachments(configure: o => o.MaxInboundBytes = 1024 * 1024);

        Assert.Null(attachments.Check.RefuseType("image/png"));
        Assert.Contains("'text/html' cannot be sent", attachments.Check.RefuseType("text/html"), StringComparison.Ordinal);
        Assert.Null(attachments.Check.RefuseSize(1024 * 1024));
        Assert.Equal("The file is larger than the limit of 1 MB.", attachments.Check.RefuseSize(1024 * 1024 + 1));
        Assert.Equal("The file is empty.", attachments.Check.RefuseSize(0));
        Assert.Equal("image/jpeg", InboundFileCheck.MimeTypeOf("application/octet-stream", "photo.JPG"));
        Assert.Equal("application/pdf", InboundFileCheck.MimeTypeOf("application/pdf; charset=binary", "x"));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\\\Users\\\\a\\\\photo.png", "photo.png")]
    [InlineData("a\"b\u0001.png", "ab.png")]
    [InlineData("", "file")]
    public void SafeName_StripsDirectoriesQuotesAndControlCharacters(string name, string expected) =>
        Assert.Equal(expected, AttachmentFiles.SafeName(name));
}
