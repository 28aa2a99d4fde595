using System.Net;
using Byoc.Core.Messages;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatFileEndpointsTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7];

    [Fact]
    public async Task Upload_AcceptedFile_QueuedOnceAndServedBack()
    {
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);

        using var first = await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "photo.png", "image/png", s_png);
        using var again = await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "photo.png", "image/png", s_png);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Contains("\"duplicates\":1", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var message = Assert.Single(await host.InboxAsync());
        Assert.Equal((InboundKind.Attachment, "photo.png", "image/png", 10L),
            (message.Kind, message.Attachment!.Name, message.Attachment.MimeType, message.Attachment.Length));
        using var served = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{message.Attachment.FileId}", UriKind.Relative), Ct);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(s_png, await served.Content.ReadAsByteArrayAsync(Ct));
        using var unknown = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{new string('a', 32)}", UriKind.Relative), Ct);
        using var traversal = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/..%2Fconnector.db", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, traversal.StatusCode));
    }

    [Fact]
    public async Task Upload_SentAgain_StoresTheFileOnce()
    {
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);

        using var first = await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "photo.png", "image/png", s_png);
        using var again = await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "photo.png", "image/png", s_png);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal("""{"stored":0,"duplicates":1}""", await again.Content.ReadAsStringAsync(Ct));
        Assert.Single(Directory.GetFiles(host.AttachmentDirectory, "*.bin"));
    }

    [Theory]
    [InlineData("no-token", 401, "token")]
    [InlineData("wrong-type", 415, "Files of type 'text/html' cannot be sent")]
    [InlineData("too-large", 413, "larger than the limit of 0.1 MB")]
    [InlineData("empty", 400, "The file is empty.")]
    [InlineData("bad-id", 400, "'id' is required")]
    public async Task Upload_Refused_ProblemNamesTheReasonAndNothingIsQueued(string scenario, int status, string detail)
    {
        await using var host = await WebChatTestHost.StartAsync(Ct, "--Connector:Attachments:MaxInboundBytes=102400");
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);

        using var response = scenario switch
        {
            "no-token" => await WebChatTestHost.UploadAsync(client, null, "f-1", "photo.png", "image/png", s_png),
            "wrong-type" => await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "page.html", "text/html", "<script>"u8.ToArray()),
            "too-large" => await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "big.png", "image/png", new byte[102401]),
            "empty" => await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "empty.png", "image/png", []),
            _ => await WebChatTestHost.UploadAsync(client, session.Token, "bad id!", "photo.png", "image/png", s_png),
        };

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await host.InboxAsync());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
