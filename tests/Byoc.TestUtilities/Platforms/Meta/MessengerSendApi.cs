using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// The fake's Send API: <c>POST /{version}/{page-id | me}/messages</c>, <c>POST /{version}/{page-id | me}/message_attachments</c>
/// and <c>GET /{version}/me</c>, behind the Page access token, with the validation and Graph errors the Messenger
/// Platform documents: 190 for a wrong token; 100 for a malformed request, and 100/2018001 for a recipient who never wrote
/// to the Page; <c>messaging_type</c> RESPONSE or UPDATE only within 24 hours of the user's last message, MESSAGE_TAG with
/// <c>HUMAN_AGENT</c> only within 7 days, else 10/2018278 ("outside of allowed window"); text 1–2,000 characters; quick
/// replies 1–13 with titles of at most 20 and payloads of at most 1,000; button templates of 1–3 buttons on a text of
/// at most 640; attachments by <c>url</c> or uploaded <c>attachment_id</c>; sender actions alone. Faults: a throttle is
/// answered 613, any other 1200 (temporary send failure). It also serves the users' files on a CDN path (no credentials).
/// </summary>
internal sealed partial class MessengerSendApi(MessengerState state, MessengerRecordings recordings, PlatformFaults faults, Action<MessengerSentMessage> accepted)
{
    private const long MaxFileBytes = 25 * 1024 * 1024;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/{version}/{page}/messages", SendAsync);
        app.MapPost("/{version}/{page}/message_attachments", UploadAsync).DisableAntiforgery();
        app.MapGet("/{version}/me", Me);
        app.MapGet("/cdn/{id}/{name}", Cdn);
        app.MapFallback("{**path}", (HttpRequest request) =>
            MetaGraphError.Create(400, 100, $"Unsupported request - method type: {request.Method.ToLowerInvariant()}", "GraphMethodException", subcode: 33));
    }

    [GeneratedRegex("^v[0-9]+\\.[0-9]+$")]
    private static partial Regex Version();

    private IResult? Refuse(HttpRequest request, string version, string? page)
    {
        var bearer = request.Headers.Authorization.ToString();
        var token = bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : request.Query["access_token"].ToString();
        if (token != state.Options.PageAccessToken)
        {
            return MetaGraphError.Create(400, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (!Version().IsMatch(version))
        {
            return MetaGraphError.Create(400, 2500, $"Unknown path components: /{version}");
        }

        return page is null || page == "me" || page == state.Options.PageId
            ? null
            : MetaGraphError.Create(400, 100, $"Unsupported post request. Object with ID '{page}' does not exist, cannot be loaded due to missing "
                + "permissions, or does not support this operation.", "GraphMethodException", subcode: 33);
    }

    private IResult Me(HttpRequest request, string version) =>
        Refuse(request, version, null) ?? Results.Json(new Dictionary<string, string> { ["id"] = state.Options.PageId, ["name"] = state.Options.PageName });

    private IResult Cdn(string id, string name)
    {
        lock (state.Sync)
        {
            return state.Cdn.TryGetValue(id, out var file) ? Results.Bytes(file.Content, file.MimeType) : Results.NotFound();
        }
    }

    private async Task<IResult> SendAsync(HttpRequest request, string version, string page)
    {
        if (Refuse(request, version, page) is { } refused)
        {
            return refused;
        }

        if (faults.TryTake("messages", out var fault))
        {
            return fault.StatusCode == 429
                ? MetaGraphError.Create(400, 613, "(#613) Calls to this API have exceeded the rate limit.")
                : MetaGraphError.Create(fault.StatusCode, 1200, "Temporary send message failure. Please try again later", "FacebookApiException");
        }

        var text = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Invalid("The request body must be a JSON object.");
        }

        if (body["recipient"] is not JsonObject recipient || Str(recipient, "id") is not { Length: > 0 } to)
        {
            return Invalid("param recipient must be an object with an id.");
        }

        if (state.SinceLastInbound(to) is not { } since)
        {
            return MetaGraphError.Create(400, 100, "(#100) No matching user found", subcode: 2018001);
        }

        var action = Str(body, "sender_action");
        if (action is not null)
        {
            return body.ContainsKey("message") ? Invalid("Cannot send both message and state at the same time.")
                : action is not ("typing_on" or "typing_off" or "mark_seen") ? Invalid($"param sender_action must be one of typing_on, typing_off, mark_seen.")
                : since >= state.Options.StandardWindow ? OutsideWindow()
                : Action(to, action);
        }

        var type = Str(body, "messaging_type");
        var tag = Str(body, "tag");
        if (type is not ("RESPONSE" or "UPDATE" or "MESSAGE_TAG"))
        {
            return Invalid("param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}.");
        }

        if (type == "MESSAGE_TAG" ? tag != "HUMAN_AGENT" : tag is not null)
        {
            return Invalid(type == "MESSAGE_TAG" ? $"This fake serves the HUMAN_AGENT tag only (got '{tag}')." : "param tag needs messaging_type MESSAGE_TAG.");
        }

        if (since >= (type == "MESSAGE_TAG" ? state.Options.HumanAgentWindow : state.Options.StandardWindow))
        {
            return OutsideWindow();
        }

        if (body["message"] is not JsonObject message)
        {
            return Invalid("param message must be an object.");
        }

        var (error, content) = Content(message);
        if (error is not null)
        {
            return error;
        }

        var mid = state.NewMid();
        var sent = new MessengerSentMessage(mid, to, content!.Value.Kind, content.Value.Text, type, tag, content.Value.QuickReplies, content.Value.Buttons,
            content.Value.Upload, content.Value.Url, state.Options.TimeProvider.GetUtcNow(), text);
        recordings.Sent.Add(sent);
        accepted(sent);
        return Results.Json(new Dictionary<string, string> { ["recipient_id"] = to, ["message_id"] = mid });
    }

    private IResult Action(string to, string action)
    {
        recordings.SenderActions.Add(new MessengerSenderAction(to, action));
        return Results.Json(new Dictionary<string, string> { ["recipient_id"] = to });
    }

    private (IResult?, Sent?) Content(JsonObject message)
    {
        var text = Str(message, "text");
        var attachment = message["attachment"] as JsonObject;
        if ((text is null) == (attachment is null))
        {
            return (Invalid("A message needs either text or attachment."), null);
        }

        var quickReplies = new List<(string, string)>();
        if (message["quick_replies"] is { } node)
        {
            if (node is not JsonArray { Count: >= 1 and <= 13 } list)
            {
                return (Invalid("param message[quick_replies] must have between 1 and 13 elements."), null);
            }

            foreach (var item in list)
            {
                if (item is not JsonObject reply || Str(reply, "content_type") != "text"
                    || Str(reply, "title") is not { Length: > 0 and <= 20 } title || Str(reply, "payload") is not { Length: > 0 and <= 1000 } data)
                {
                    return (Invalid("Each quick reply needs content_type text, a title of 1 to 20 characters and a payload of 1 to 1000."), null);
                }

                quickReplies.Add((data, title));
            }
        }

        if (text is not null)
        {
            return text.Length is 0 or > 2000
                ? (Invalid("param message[text] must be a UTF-8 string of 1 to 2000 characters."), null)
                : (null, new Sent("text", text, quickReplies, [], null, null));
        }

        var type = Str(attachment!, "type");
        if (attachment!["payload"] is not JsonObject payload)
        {
            return (Invalid("param message[attachment][payload] is required."), null);
        }

        if (type == "template")
        {
            return Template(payload, quickReplies);
        }

        if (type is not ("image" or "video" or "audio" or "file"))
        {
            return (Invalid($"param message[attachment][type] must be image, video, audio, file or template (got '{type}')."), null);
        }

        var id = Str(payload, "attachment_id");
        var link = Str(payload, "url");
        if ((id is null) == (link is null))
        {
            return (Invalid("An attachment's payload needs either url or attachment_id."), null);
        }

        if (id is not null)
        {
            MessengerUpload? upload;
            lock (state.Sync)
            {
                upload = state.Uploads.GetValueOrDefault(id);
            }

            return upload is null || upload.Type != type
                ? (Invalid($"attachment_id '{id}' is not an uploaded {type}."), null)
                : (null, new Sent(type, null, quickReplies, [], upload, null));
        }

        return Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? (null, new Sent(type, null, quickReplies, [], null, url))
            : (Invalid($"url '{link}' is not an http(s) URL."), null);
    }

    private static (IResult?, Sent?) Template(JsonObject payload, List<(string, string)> quickReplies)
    {
        if (Str(payload, "template_type") != "button")
        {
            return (Invalid($"This fake serves the button template only (got '{Str(payload, "template_type")}')."), null);
        }

        if (Str(payload, "text") is not { Length: > 0 and <= 640 } text)
        {
            return (Invalid("param message[attachment][payload][text] must be 1 to 640 characters."), null);
        }

        if (payload["buttons"] is not JsonArray { Count: >= 1 and <= 3 } buttons)
        {
            return (Invalid("param message[attachment][payload][buttons] must have between 1 and 3 elements."), null);
        }

        var postbacks = new List<(string, string)>();
        foreach (var item in buttons)
        {
            if (item is not JsonObject button || Str(button, "title") is not { Length: > 0 and <= 20 } title)
            {
                return (Invalid("Each button needs a title of 1 to 20 characters."), null);
            }

            if (Str(button, "type") == "postback" && Str(button, "payload") is { Length: > 0 and <= 1000 } data)
            {
                postbacks.Add((data, title));
            }
            else if (Str(button, "type") != "web_url" || Str(button, "url") is null)
            {
                return (Invalid("A button is a postback with a payload of 1 to 1000 characters, or a web_url with a url."), null);
            }
        }

        return (null, new Sent("template", text, quickReplies, postbacks, null, null));
    }

    private async Task<IResult> UploadAsync(HttpRequest request, string version, string page)
    {
        if (Refuse(request, version, page) is { } refused)
        {
            return refused;
        }

        if (!request.HasFormContentType)
        {
            return Invalid("An attachment upload is a multipart form with message and filedata.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? type = null;
        try
        {
            var message = JsonNode.Parse(form["message"].ToString());
            type = message?["attachment"]?["type"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        if (type is not ("image" or "video" or "audio" or "file") || form.Files.GetFile("filedata") is not { } file)
        {
            return Invalid("message must name an attachment type (image, video, audio or file) and filedata must hold the file.");
        }

        if (file.Length > MaxFileBytes)
        {
            return MetaGraphError.Create(400, 100, "(#100) Upload attachment failure.", subcode: 2018047);
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, request.HttpContext.RequestAborted);
        var upload = new MessengerUpload(state.NewId(), type, file.FileName, file.ContentType, content.ToArray());
        lock (state.Sync)
        {
            state.Uploads[upload.AttachmentId] = upload;
        }

        recordings.Uploads.Add(upload);
        return Results.Json(new Dictionary<string, string> { ["attachment_id"] = upload.AttachmentId });
    }

    private static IResult Invalid(string message) => MetaGraphError.Create(400, 100, "(#100) " + message);

    private static IResult OutsideWindow() =>
        MetaGraphError.Create(400, 10, "(#10) This message is sent outside of allowed window.", subcode: 2018278);

    private static string? Str(JsonObject item, string name) =>
        item[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private readonly record struct Sent(string Kind, string? Text, IReadOnlyList<(string, string)> QuickReplies, IReadOnlyList<(string, string)> Buttons,
        MessengerUpload? Upload, Uri? Url);
}
