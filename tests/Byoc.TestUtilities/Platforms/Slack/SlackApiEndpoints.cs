using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>
/// The fake's Web API at <c>/api/{method}</c> (form or JSON arguments; the token as <c>Authorization: Bearer</c> or a
/// <c>token</c> argument): <c>auth.test</c>, <c>chat.postMessage</c>, <c>files.getUploadURLExternal</c> and
/// <c>files.completeUploadExternal</c>; the upload URLs; and the users' files at <c>url_private_download</c>, which need
/// the bot token (without it Slack redirects to its sign-in page); faults of operation <c>download</c> fail them. Refusals are as Slack's: HTTP 200 with
/// <c>{"ok": false, "error": …}</c>, and HTTP 429 with <c>Retry-After</c> and <c>ratelimited</c> beyond the post rate.
/// </summary>
internal sealed class SlackApiEndpoints(SlackState state, PlatformFaults faults, SlackErrors errors, Action<SlackPostedMessage> posted,
    Action<SlackSharedFile> shared)
{
    private const int MaxText = 40_000;
    private readonly RateLimiter? _postRate = state.Options.PostRate is { } rate ? new RateLimiter(rate, state.Options.TimeProvider) : null;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/{method}", CallAsync);
        app.MapPost("/upload/v1/{key}", UploadAsync);
        app.MapGet("/files-pri/{teamFile}/download/{name}", Download);
        app.MapGet("/signin", () => Results.Content("<html><body>Sign in to Slack</body></html>", "text/html"));
    }

    private async Task<IResult> CallAsync(HttpRequest request, string method)
    {
        var args = await ReadArgumentsAsync(request);
        var token = request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header[7..]
            : Str(args, "token");
        if (string.IsNullOrEmpty(token))
        {
            return Error("not_authed");
        }

        if (token != state.Options.BotToken)
        {
            return Error("invalid_auth");
        }

        if (faults.TryTake(method, out var fault))
        {
            return fault.StatusCode == 429 ? RateLimited(fault.RetryAfter ?? TimeSpan.FromSeconds(1))
                : Results.Json(new { ok = false, error = "internal_error" }, statusCode: fault.StatusCode);
        }

        if (errors.TryTake(method, out var error))
        {
            return Error(error);
        }

        return method switch
        {
            "auth.test" => Results.Json(new
            {
                ok = true,
                url = "https://byoc-test.slack.com/",
                team = "Byoc Test",
                user = "byoc",
                team_id = state.Options.TeamId,
                user_id = state.Options.BotUserId,
                bot_id = state.Options.BotId,
                is_enterprise_install = false,
            }),
            "chat.postMessage" => PostMessage(args),
            "files.getUploadURLExternal" => GetUploadUrl(args),
            "files.completeUploadExternal" => CompleteUpload(args),
            _ => Error("unknown_method"),
        };
    }

    private IResult PostMessage(JsonObject args)
    {
        var channel = Str(args, "channel");
        if (ChannelError(channel) is { } refused)
        {
            return refused;
        }

        var blocks = args["blocks"] is JsonValue raw && raw.TryGetValue<string>(out var json) ? ParseArray(json) : args["blocks"] as JsonArray;
        var text = Str(args, "text") ?? "";
        if (text.Length == 0 && blocks is null)
        {
            return Error("no_text");
        }

        if (blocks is not null && InvalidBlocks(blocks) is { } invalid)
        {
            return Results.Json(new { ok = false, error = "invalid_blocks", errors = new[] { invalid } });
        }

        if (_postRate is not null && !_postRate.TryAcquire(channel!, out var wait))
        {
            return RateLimited(wait);
        }

        var ts = state.NewTs();
        var message = new SlackPostedMessage(channel!, ts, Str(args, "thread_ts"), text.Length > MaxText ? text[..MaxText] : text, blocks);
        posted(message);
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = message.Text, ["bot_id"] = state.Options.BotId, ["ts"] = ts },
        });
    }

    private IResult GetUploadUrl(JsonObject args)
    {
        var name = Str(args, "filename");
        var length = args["length"] switch
        {
            JsonValue v when v.TryGetValue<long>(out var n) => n,
            JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) => p,
            _ => 0,
        };
        if (string.IsNullOrEmpty(name) || length <= 0)
        {
            return Error(string.IsNullOrEmpty(name) ? "invalid_arguments" : "missing_argument");
        }

        var fileId = state.NewId("F");
        var key = Guid.NewGuid().ToString("N");
        lock (state.Sync)
        {
            state.Uploads[key] = (fileId, name, length, null);
        }

        return Results.Json(new { ok = true, upload_url = new Uri(state.BaseAddress, "upload/v1/" + key).AbsoluteUri, file_id = fileId });
    }

    private async Task<IResult> UploadAsync(HttpRequest request, string key)
    {
        byte[] content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.Files.Count == 0)
            {
                return Results.Text("No file in the form.", statusCode: 400);
            }

            using var buffer = new MemoryStream();
            await form.Files[0].CopyToAsync(buffer, request.HttpContext.RequestAborted);
            content = buffer.ToArray();
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            content = buffer.ToArray();
        }

        lock (state.Sync)
        {
            if (!state.Uploads.TryGetValue(key, out var upload))
            {
                return Results.Text("Unknown upload URL.", statusCode: 404);
            }

            state.Uploads[key] = upload with { Content = content };
        }

        return Results.Text($"OK - {content.Length.ToString(CultureInfo.InvariantCulture)}");
    }

    private IResult CompleteUpload(JsonObject args)
    {
        var files = args["files"] is JsonValue raw && raw.TryGetValue<string>(out var json) ? ParseArray(json) : args["files"] as JsonArray;
        var channel = Str(args, "channel_id") ?? Str(args, "channels");
        if (files is null || files.Count == 0)
        {
            return Error("invalid_arguments");
        }

        if (channel is not null && ChannelError(channel) is { } refused)
        {
            return refused;
        }

        var done = new List<SlackSharedFile>();
        lock (state.Sync)
        {
            foreach (var item in files.OfType<JsonObject>())
            {
                var id = Str(item, "id");
                var upload = state.Uploads.FirstOrDefault(u => u.Value.FileId == id);
                if (upload.Key is null || upload.Value.Content is not { } content)
                {
                    return Error("file_not_found");
                }

                if (content.Length != upload.Value.Length)
                {
                    return Error("file_upload_size_mismatch");
                }

                state.Uploads.Remove(upload.Key);
                state.Files[id!] = (upload.Value.Name, "application/octet-stream", content);
                done.Add(new SlackSharedFile(id!, upload.Value.Name, Str(item, "title"), content, channel ?? "", Str(args, "thread_ts"),
                    Str(args, "initial_comment")));
            }
        }

        foreach (var file in done)
        {
            shared(file);
        }

        return Results.Json(new { ok = true, files = done.Select(f => new { id = f.FileId, name = f.Name, title = f.Title ?? f.Name }) });
    }

    private IResult Download(HttpRequest request, string teamFile, string name)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + state.Options.BotToken)
        {
            return Results.Redirect(new Uri(state.BaseAddress, "signin").AbsoluteUri);
        }

        if (faults.TryTake("download", out var fault))
        {
            return Results.StatusCode(fault.StatusCode);
        }

        var id = teamFile.StartsWith(state.Options.TeamId + "-", StringComparison.Ordinal) ? teamFile[(state.Options.TeamId.Length + 1)..] : "";
        lock (state.Sync)
        {
            return state.Files.TryGetValue(id, out var file)
                ? Results.Bytes(file.Content, file.MimeType, file.Name)
                : Results.NotFound();
        }
    }

    private IResult? ChannelError(string? channel) =>
        channel is null ? Error("channel_not_found")
        : state.Options.ChannelsWithoutBot.Contains(channel) ? Error("not_in_channel")
        : state.Options.Channels.Contains(channel) || channel.StartsWith('U') ? null
        : Error("channel_not_found");

    /// <summary>Block Kit's limits for what the connector sends: sections, actions with buttons.</summary>
    private static string? InvalidBlocks(JsonArray blocks)
    {
        if (blocks.Count > 50)
        {
            return "no more than 50 items allowed [json-pointer:/blocks]";
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            switch (Str(block, "type"))
            {
                case "section" when (Str(block["text"] as JsonObject, "text")?.Length ?? 0) is 0 or > 3000:
                    return "must be between 1 and 3000 characters [json-pointer:/blocks/text/text]";
                case "actions":
                    var elements = block["elements"] as JsonArray ?? [];
                    if (elements.Count is 0 or > 25 || (Str(block, "block_id")?.Length ?? 0) > 255)
                    {
                        return "must have between 1 and 25 elements, block_id at most 255 [json-pointer:/blocks/elements]";
                    }

                    var ids = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var button in elements.OfType<JsonObject>())
                    {
                        var label = Str(button["text"] as JsonObject, "text") ?? "";
                        var actionId = Str(button, "action_id") ?? "";
                        if (Str(button, "type") != "button" || label.Length is 0 or > 75 || actionId.Length > 255 || (Str(button, "value")?.Length ?? 0) > 2000
                            || (actionId.Length > 0 && !ids.Add(actionId)))
                        {
                            return "invalid button: text 1-75, action_id at most 255 and unique, value at most 2000 [json-pointer:/blocks/elements]";
                        }
                    }

                    break;
                case "section":
                    break;
                default:
                    return $"unsupported type: {Str(block, "type")} [json-pointer:/blocks/type]";
            }
        }

        return null;
    }

    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) is JsonObject body)
                {
                    args = body;
                }
            }
            catch (JsonException)
            {
                return args;
            }
        }

        foreach (var (key, value) in request.Query)
        {
            args[key] ??= value.ToString();
        }

        return args;
    }

    private static JsonArray? ParseArray(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(string error) => Results.Json(new { ok = false, error });

    private static RateLimitedResult RateLimited(TimeSpan wait) => new(wait);

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed class RateLimitedResult(TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
        }
    }
}
