using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>A rep sends a file through the rep API; the partner receives it over Pub/Sub and downloads it from the instance.</summary>
public sealed class RepFileEndToEndTests
{
    private static readonly byte[] s_pdf = "%PDF-1.4 the menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RepApi_SendsFile_AttachmentsMessageWithDownloadableUrl()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("file-guest", "I want to speak to a human");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        using var rep = client.CreateRepClient(SeededOrg.Reps[0].Username);
        (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, ct)).EnsureSuccessStatusCode();
        await client.QueryUntilAsync($"SELECT Status FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Waiting", "the session waiting for a rep");
        (await rep.PostAsync($"/console/api/work/{sessionId}/accept", null, ct)).EnsureSuccessStatusCode();

        using var empty = await rep.PostAsync($"/console/api/sessions/{sessionId}/attachments", Form("empty.pdf", []), ct);
        using var sent = await rep.PostAsync($"/console/api/sessions/{sessionId}/attachments", Form("menu.pdf", s_pdf, "Our menu"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var identifier = (await sent.Content.ReadFromJsonAsync<JsonObject>(ct))!["identifier"]!.GetValue<string>();
        var (message, _) = await client.WaitForAsync(conversationId, e => e["payload"]!["identifier"]?.GetValue<string>() == identifier, "the rep's file");
        var content = message["payload"]!["entryPayload"]!["abstractMessage"]!["staticContent"]!;
        Assert.Equal(("Attachments", "Our menu"), (content["formatType"]!.GetValue<string>(), content["text"]!.GetValue<string>()));
        var attachment = content["attachments"]![0]!;
        Assert.Equal(("menu.pdf", "application/pdf"), (attachment["name"]!.GetValue<string>(), attachment["mimeType"]!.GetValue<string>()));
        using var download = new HttpClient();
        Assert.Equal(s_pdf, await download.GetByteArrayAsync(new Uri(attachment["url"]!.GetValue<string>()), ct));
        client.AssertAllEventsMatchContract();
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes, string? text = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        return form;
    }
}
