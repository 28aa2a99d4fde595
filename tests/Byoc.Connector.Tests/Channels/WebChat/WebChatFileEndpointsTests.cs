using System.Net;
using Byoc.Connector.Attachments;
using Byoc.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

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
        var key = await StreamedFileKeyAsync(client, session.Token, message.Attachment.FileId);
        using var served = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{message.Attachment.FileId}?key={key}", UriKind.Relative), Ct);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(s_png, await served.Content.ReadAsByteArrayAsync(Ct));
        using var unknown = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{new string('a', 32)}", UriKind.Relative), Ct);
        using var traversal = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/..%2Fconnector.db", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, traversal.StatusCode));
    }

    [Fact]
    public async Task Download_WithoutTheStreamedKeyOrWithAnotherFilesKey_404()
    {
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);
        (await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "a.png", "image/png", s_png)).Dispose();
        (await WebChatTestHost.UploadAsync(client, session.Token, "f-2", "b.png", "image/png", s_png)).Dispose();
        var inbox = await host.InboxAsync();
        var (a, b) = (inbox[0].Attachment!.FileId, inbox[1].Attachment!.FileId);
        var keyOfB = await StreamedFileKeyAsync(client, session.Token, b);

        foreach (var query in new[] { "", "?key=", $"?key={keyOfB}", "?key=AAAAAAAAAAAAAAAAAAAAAA" })
        {
            using var response = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{a}{query}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Download_FileOfAnotherChannel_404EvenWithItsId()
    {
        // A webhook file is meant only for its signed, expiring link: knowing its id (it is in that link) is not enough here.
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var stored = await host.Services.GetRequiredService<AttachmentFiles>().SaveAsync("menu.pdf", "application/pdf",
            new MemoryStream([1, 2, 3]), 1024, Ct);

        using var response = await client.GetAsync(new Uri($"/chat/{WebChatTestHost.Channel}/files/{stored!.Id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Content-Disposition: form-data; filename=\"a.png\"")]
    [InlineData("Content-Disposition: ;;; name")]
    [InlineData("Content-Type: image/png")]
    public async Task Upload_MalformedPart_400NamingTheBodyAndNothingStored(string partHeader)
    {
        await using var host = await WebChatTestHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);
        var body = new StringContent($"--b0\r\n{partHeader}\r\n\r\nPNG\r\n--b0--\r\n");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/chat/{WebChatTestHost.Channel}/files", UriKind.Relative)) { Content = body };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Token);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Malformed body", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await host.InboxAsync());
    }

    /// <summary>The key the visitor's stream gives the file, as the page reads it.</summary>
    private static async Task<string> StreamedFileKeyAsync(HttpClient client, string token, string fileId)
    {
        using var stream = await WebChatTestHost.OpenStreamAsync(client, token);
        while (true)
        {
            var e = (await stream.ReadAsync()).Json;
            if (e["attachments"] is System.Text.Json.Nodes.JsonArray files && files.FirstOrDefault(f => f!["id"]!.GetValue<string>() == fileId) is { } file)
            {
                return Uri.EscapeDataString(file["key"]!.GetValue<string>());
            }
        }
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
