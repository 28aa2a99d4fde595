using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Platforms.Tests.Meta;

/// <summary>The fake's media endpoints driven by a plain HTTP client, as Graph's media reference describes them.</summary>
public sealed class MetaMediaTests
{
    private static readonly byte[] s_pdf = "%PDF-1.4 a document"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_UsersFile_UrlThatGivesTheBytesOnlyWithTheToken()
    {
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        var message = meta.MediaMessage("15551230001", "document", "application/pdf", s_pdf, "the invoice", "invoice.pdf");
        var id = (string)message["document"]!["id"]!;
        using var http = Client(meta, meta.Options.AccessToken);

        var media = await http.GetFromJsonAsync<JsonObject>($"/v23.0/{id}", Ct);
        var url = new Uri((string)media!["url"]!);
        var bytes = await http.GetByteArrayAsync(url, Ct);
        using var anonymous = new HttpClient();
        using var without = await anonymous.GetAsync(url, Ct);

        Assert.Equal(("whatsapp", "application/pdf", s_pdf.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), id),
            ((string)media["messaging_product"]!, (string)media["mime_type"]!, (string)media["file_size"]!, (string)media["id"]!));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(s_pdf)), (string)media["sha256"]!);
        Assert.Equal(s_pdf, bytes);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(("invoice.pdf", "the invoice"), ((string)message["document"]!["filename"]!, (string)message["document"]!["caption"]!));
    }

    [Theory]
    [InlineData("wrong-token", "known", 401, 190)]
    [InlineData("token", "unknown", 400, 100)]
    [InlineData("token", "expired", 400, 100)]
    public async Task Lookup_WrongTokenOrUnknownOrExpiredId_GraphError(string token, string which, int status, int code)
    {
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        var id = (string)meta.MediaMessage("15551230001", "image", "image/png", [1, 2, 3])["image"]!["id"]!;
        if (which == "expired")
        {
            meta.ExpireMedia(id);
        }

        using var http = Client(meta, token == "token" ? meta.Options.AccessToken : "EAAnot-the-token");
        using var response = await http.GetAsync($"/v23.0/{(which == "unknown" ? "4242424242" : id)}", Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (int)error["code"]!);
    }

    [Fact]
    public async Task Upload_ThenSendById_AcceptedWithTheUploadedBytes()
    {
        await using var meta = await FakeMeta.StartAsync(new FakeMetaOptions { AutoStatuses = [] }, Ct);
        using var http = Client(meta, meta.Options.AccessToken);

        using var uploaded = await http.PostAsync($"/v23.0/{meta.Options.PhoneNumberId}/media", Upload("application/pdf", s_pdf, "menu.pdf"), Ct);
        var id = (string)(await uploaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!;
        using var sent = await http.PostAsJsonAsync($"/v23.0/{meta.Options.PhoneNumberId}/messages", new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = "15551230001",
            ["type"] = "document",
            ["document"] = new JsonObject { ["id"] = id, ["caption"] = "Today's menu", ["filename"] = "menu.pdf" },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var message = Assert.Single(meta.SentMessages.Items);
        Assert.Equal(("document", "Today's menu", "menu.pdf", id), (message.Type, message.Text, message.FileName, message.Media?.Id));
        Assert.Equal(s_pdf, message.Media!.Content);
    }

    [Theory]
    [InlineData("application/x-msdownload", 10, 131053)]
    [InlineData("image/png", (5 * 1024 * 1024) + 1, 131053)]
    public async Task Upload_UnsupportedTypeOrOverTheLimit_MediaUploadError(string type, int length, int code)
    {
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        using var http = Client(meta, meta.Options.AccessToken);

        using var response = await http.PostAsync($"/v23.0/{meta.Options.PhoneNumberId}/media", Upload(type, new byte[length], "file"), Ct);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (int)error["code"]!);
    }

    [Fact]
    public async Task Send_ByAMediaIdThatWasNotUploaded_InvalidParameter()
    {
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        var usersFile = (string)meta.MediaMessage("15551230001", "image", "image/png", [1])["image"]!["id"]!;
        using var http = Client(meta, meta.Options.AccessToken);

        using var response = await http.PostAsJsonAsync($"/v23.0/{meta.Options.PhoneNumberId}/messages", new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = "15551230001",
            ["type"] = "image",
            ["image"] = new JsonObject { ["id"] = usersFile },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(meta.SentMessages.Items);
    }

    private static HttpClient Client(FakeMeta meta, string token)
    {
        var http = new HttpClient { BaseAddress = meta.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static MultipartFormDataContent Upload(string type, byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent(type), "type" }, { new StringContent("whatsapp"), "messaging_product" } };
    }
}
