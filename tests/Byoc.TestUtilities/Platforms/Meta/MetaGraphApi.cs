using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>
/// The fake's Cloud API: <c>POST /{version}/{phone-number-id}/messages</c> behind <c>Authorization: Bearer</c>, with the
/// validation and errors the Cloud API reference documents (text at most 4,096 characters; reply buttons 1–3 with
/// unique titles of at most 20 and ids of at most 256; lists of at most 10 rows, titles at most 24, ids at most 200; an
/// interactive body at most 1,024; templates by approved name and language with their parameter count; 130429 beyond
/// the throughput). A free-form message outside the recipient's 24-hour window is accepted and then fails in its status
/// webhook with 131047, as on the Cloud API. <c>status: read</c> marks a user's message read (and shows typing). Files
/// (image, video, audio, document) go by an uploaded media id or a link; see <see cref="MetaMediaApi"/> for the media store.
/// </summary>
internal sealed partial class MetaGraphApi(MetaState state, MetaRecordings recordings, PlatformFaults faults, Action<WhatsAppSentMessage> accepted)
{
    private readonly RateLimiter? _throughput = state.Options.Throughput is { } limit ? new RateLimiter(limit, state.Options.TimeProvider) : null;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/{version}/{phoneNumberId}/messages", SendAsync);
        app.MapGet("/{version}/{businessAccountId}/subscribed_apps", SubscribedApps);
        app.MapFallback("{**path}", (HttpRequest request) =>
            MetaGraphError.Create(400, 100, $"Unsupported request - method type: {request.Method.ToLowerInvariant()}", "GraphMethodException", subcode: 33));
    }

    [GeneratedRegex("^v[0-9]+\\.[0-9]+$")]
    private static partial Regex Version();

    /// <summary>The apps subscribed to the WABA's webhooks: this app when <see cref="FakeMetaOptions.AppSubscribed"/>, else none.</summary>
    private IResult SubscribedApps(HttpRequest request, string version, string businessAccountId)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + state.Options.AccessToken)
        {
            return MetaGraphError.Create(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (!Version().IsMatch(version) || businessAccountId != state.Options.BusinessAccountId)
        {
            return MetaGraphError.Create(400, 100, $"Unsupported get request. Object with ID '{businessAccountId}' does not exist, cannot be loaded "
                + "due to missing permissions, or does not support this operation.", "GraphMethodException", subcode: 33);
        }

        var apps = new JsonArray();
        if (state.Options.AppSubscribed)
        {
            apps.Add(new JsonObject
            {
                ["whatsapp_business_api_data"] = new JsonObject { ["name"] = "BYOC Connector", ["id"] = "1234567890123456", ["link"] = "https://byoc.example.com/" },
            });
        }

        return Results.Json(new JsonObject { ["data"] = apps });
    }

    private async Task<IResult> SendAsync(HttpRequest request, string version, string phoneNumberId)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + state.Options.AccessToken)
        {
            return MetaGraphError.Create(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (!Version().IsMatch(version))
        {
            return MetaGraphError.Create(400, 2500, $"Unknown path components: /{version}/{phoneNumberId}/messages");
        }

        if (phoneNumberId != state.Options.PhoneNumberId)
        {
            return MetaGraphError.Create(400, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist, cannot be loaded "
                + "due to missing permissions, or does not support this operation.", "GraphMethodException", subcode: 33);
        }

        if (faults.TryTake("messages", out var fault))
        {
            return fault.StatusCode == 429
                ? MetaGraphError.Create(400, 130429, "(#130429) Rate limit hit", details: "Cloud API message throughput has been reached.")
                : MetaGraphError.Create(fault.StatusCode, 131000, "(#131000) Something went wrong");
        }

        if (_throughput is not null && !_throughput.TryAcquire(phoneNumberId, out _))
        {
            return MetaGraphError.Create(400, 130429, "(#130429) Rate limit hit", details: "Cloud API message throughput has been reached.");
        }

        var text = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return MetaGraphError.InvalidParameter("The request body must be a JSON object.");
        }

        if (Str(body, "messaging_product") != "whatsapp")
        {
            return MetaGraphError.Create(400, 100, "(#100) The parameter messaging_product is required.");
        }

        return Str(body, "status") == "read" ? MarkRead(body) : Send(body, text);
    }

    private IResult MarkRead(JsonObject body)
    {
        var id = Str(body, "message_id");
        lock (state.Sync)
        {
            if (id is null || !state.InboundIds.Contains(id))
            {
                return MetaGraphError.InvalidParameter($"message_id '{id}' is not a message this number received.");
            }
        }

        var typing = body["typing_indicator"] is JsonObject indicator && Str(indicator, "type") == "text";
        recordings.ReadReceipts.Add(new WhatsAppReadReceipt(id, typing));
        return Results.Json(new { success = true });
    }

    private IResult Send(JsonObject body, string json)
    {
        // Meta's Messages API takes a phone number in "to", or a business-scoped user id in "recipient"; "to" wins when both come.
        if ((Str(body, "to") ?? Str(body, "recipient")) is not { Length: > 0 } to)
        {
            return MetaGraphError.Create(400, 100, "(#100) The parameter to or recipient is required.");
        }

        var type = Str(body, "type") ?? "text";
        var callback = Str(body, "biz_opaque_callback_data");
        if (callback is { Length: > 512 })
        {
            return MetaGraphError.InvalidParameter("biz_opaque_callback_data must be at most 512 characters.");
        }

        if (body[type] is not JsonObject content)
        {
            return MetaGraphError.InvalidParameter($"The parameter {type} is required for type {type}.");
        }

        var (error, read) = type switch
        {
            "text" => Text(content),
            "interactive" => Interactive(content),
            "template" => Template(content),
            "image" or "video" or "audio" or "document" => Media(type, content),
            _ => (MetaGraphError.InvalidParameter($"Type '{type}' is not served by this fake."), null),
        };
        if (error is not null)
        {
            return error;
        }

        var wamid = state.NewWamid();
        var sent = new WhatsAppSentMessage(wamid, to, type, read!.Value.Text, read.Value.InteractiveType, read.Value.Options, read.Value.Template,
            callback, state.InWindow(to), json, read.Value.Media, read.Value.Link, read.Value.FileName);
        lock (state.Sync)
        {
            state.Sent[wamid] = sent;
        }

        recordings.Sent.Add(sent);
        accepted(sent);
        JsonObject message = type == "template" ? new() { ["id"] = wamid, ["message_status"] = "accepted" } : new() { ["id"] = wamid };
        return Results.Text(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, [Str(body, "to") is null ? "user_id" : "wa_id"] = to }),
            ["messages"] = new JsonArray(message),
        }.ToJsonString(), "application/json");
    }

    private static (IResult?, Content?) Text(JsonObject text) => Str(text, "body") switch
    {
        null or "" => (MetaGraphError.InvalidParameter("text['body'] is required."), null),
        { Length: > 4096 } => (MetaGraphError.InvalidParameter("Param text['body'] must be at most 4096 characters long."), null),
        var body => (null, new Content(body, null, [], null)),
    };

    private static (IResult?, Content?) Interactive(JsonObject interactive)
    {
        var type = Str(interactive, "type");
        var body = interactive["body"] is JsonObject b ? Str(b, "text") : null;
        if (body is not { Length: > 0 and <= 1024 })
        {
            return (MetaGraphError.InvalidValue("interactive body text is required and at most 1024 characters."), null);
        }

        if (interactive["action"] is not JsonObject action)
        {
            return (MetaGraphError.InvalidValue("interactive action is required."), null);
        }

        var options = new List<(string Id, string Title)>();
        if (type == "button")
        {
            if (action["buttons"] is not JsonArray { Count: >= 1 and <= 3 } buttons)
            {
                return (MetaGraphError.InvalidValue("action buttons must hold 1 to 3 buttons."), null);
            }

            foreach (var button in buttons)
            {
                var reply = button is JsonObject o && Str(o, "type") == "reply" && o["reply"] is JsonObject r ? r : null;
                if (reply is null || Str(reply, "id") is not { Length: > 0 and <= 256 } id || Str(reply, "title") is not { Length: > 0 and <= 20 } title)
                {
                    return (MetaGraphError.InvalidValue("Each button needs type reply, an id of 1 to 256 characters and a title of 1 to 20."), null);
                }

                options.Add((id, title));
            }

            if (options.DistinctBy(o => o.Id).Count() != options.Count || options.DistinctBy(o => o.Title).Count() != options.Count)
            {
                return (MetaGraphError.InvalidValue("Button ids and titles must be unique."), null);
            }
        }
        else if (type == "list")
        {
            if (Str(action, "button") is not { Length: > 0 and <= 20 } || action["sections"] is not JsonArray { Count: >= 1 and <= 10 } sections)
            {
                return (MetaGraphError.InvalidValue("A list needs a button label of 1 to 20 characters and 1 to 10 sections."), null);
            }

            foreach (var row in sections.SelectMany(s => s is JsonObject o && o["rows"] is JsonArray rows ? rows : []))
            {
                if (row is not JsonObject r || Str(r, "id") is not { Length: > 0 and <= 200 } id || Str(r, "title") is not { Length: > 0 and <= 24 } title)
                {
                    return (MetaGraphError.InvalidValue("Each row needs an id of 1 to 200 characters and a title of 1 to 24."), null);
                }

                options.Add((id, title));
            }

            if (options.Count is 0 or > 10 || options.DistinctBy(o => o.Id).Count() != options.Count)
            {
                return (MetaGraphError.InvalidValue("A list holds 1 to 10 rows in all, with unique ids."), null);
            }
        }
        else
        {
            return (MetaGraphError.InvalidValue($"Interactive type '{type}' is not served by this fake."), null);
        }

        return (null, new Content(body, type, options, null));
    }

    private (IResult?, Content?) Template(JsonObject template)
    {
        var name = Str(template, "name");
        var language = template["language"] is JsonObject l ? Str(l, "code") : null;
        if (name is null || !state.Options.Templates.TryGetValue(name, out var approved) || approved.Language != language)
        {
            return (MetaGraphError.Create(404, 132001, "(#132001) Template name does not exist in the translation",
                details: $"template name ({name}) does not exist in {language}"), null);
        }

        var parameters = (template["components"] as JsonArray ?? [])
            .OfType<JsonObject>().Where(c => Str(c, "type") == "body")
            .SelectMany(c => c["parameters"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => Str(p, "text")).ToList();
        if (parameters.Count != approved.BodyParameters)
        {
            return (MetaGraphError.Create(400, 132000, "(#132000) Number of parameters does not match the expected number of params",
                details: $"body: number of localizable_params ({parameters.Count}) does not match the expected number of params ({approved.BodyParameters})"), null);
        }

        if (parameters.Any(p => p is null || p.Contains('\n', StringComparison.Ordinal) || p.Contains('\t', StringComparison.Ordinal)
            || p.Contains("     ", StringComparison.Ordinal)))
        {
            return (MetaGraphError.Create(400, 132018, "(#132018) There was an issue with the parameters in your template.",
                details: "Param text cannot have new-line/tab characters or more than 4 consecutive spaces"), null);
        }

        return (null, new Content(parameters.FirstOrDefault(), null, [], name));
    }

    /// <summary>A file by uploaded media <c>id</c> or by <c>link</c> (not both); a caption (at most 1,024) except on audio; a document's filename.</summary>
    private (IResult?, Content?) Media(string type, JsonObject media)
    {
        var id = Str(media, "id");
        var link = Str(media, "link");
        if ((id is null) == (link is null))
        {
            return (MetaGraphError.InvalidParameter($"{type} needs either id or link."), null);
        }

        var caption = Str(media, "caption");
        if (caption is not null && (type == "audio" || caption.Length > 1024))
        {
            return (MetaGraphError.InvalidParameter(type == "audio" ? "audio takes no caption." : "caption must be at most 1024 characters."), null);
        }

        MetaMedia? uploaded = null;
        if (id is not null)
        {
            lock (state.Sync)
            {
                uploaded = state.Media.GetValueOrDefault(id);
            }

            if (uploaded is not { Uploaded: true })
            {
                return (MetaGraphError.InvalidParameter($"Media id '{id}' was not uploaded to this number."), null);
            }
        }

        Uri? url = null;
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out url) || url.Scheme is not ("https" or "http")))
        {
            return (MetaGraphError.InvalidParameter($"link '{link}' is not an http(s) URL."), null);
        }

        return (null, new Content(caption, null, [], null, uploaded, url, type == "document" ? Str(media, "filename") : null));
    }

    private static string? Str(JsonObject item, string name) =>
        item[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private readonly record struct Content(string? Text, string? InteractiveType, IReadOnlyList<(string Id, string Title)> Options, string? Template,
        MetaMedia? Media = null, Uri? Link = null, string? FileName = null);
}
