using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// <c>POST /v1/Content</c> (Content API, "Create a Content resource"; at Twilio on <c>content.twilio.com</c>, here on the
/// same base address): a JSON body with <c>language</c> and <c>types</c> (required), <c>friendly_name</c> and
/// <c>variables</c>, answered 201 with the resource. <c>twilio/quick-reply</c> is checked as documented ("twilio/quick-reply"
/// and "Common components"): a body of at most 1,024 characters and 1 to 10 actions, each with a title of at most 20
/// characters and an id of at most 200. Twilio's error codes for these refusals are not documented; the fake answers 400
/// with code 20001 (invalid parameter, as elsewhere in the fake) and a message naming the field.
/// </summary>
internal sealed partial class TwilioRestApi
{
    private async Task<IResult> CreateContentAsync(HttpRequest request)
    {
        if (Refusal("Content") is { } refused)
        {
            return refused;
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TwilioError.Result(400, 20001, "The request must be application/json.");
        }

        JsonObject? root;
        try
        {
            root = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            return TwilioError.Result(400, 20001, "The body must be a JSON object.");
        }

        if (Text(root["language"]) is not { Length: > 0 } language)
        {
            return TwilioError.Result(400, 20001, "Missing required parameter language in the post body");
        }

        if (root["types"] is not JsonObject types || types.Count == 0)
        {
            return TwilioError.Result(400, 20001, "Missing required parameter types in the post body");
        }

        string? body = null;
        var buttons = new List<TwilioButton>();
        if (types["twilio/quick-reply"] is JsonNode quickReply)
        {
            body = Text(quickReply["body"]);
            if (body is not { Length: > 0 and <= 1024 })
            {
                return TwilioError.Result(400, 20001, "twilio/quick-reply body is required and at most 1024 characters.");
            }

            if (quickReply["actions"] is not JsonArray { Count: >= 1 and <= 10 } actions)
            {
                return TwilioError.Result(400, 20001, "twilio/quick-reply actions must hold 1 to 10 buttons.");
            }

            foreach (var action in actions)
            {
                var (title, id) = (Text(action?["title"]), Text(action?["id"]));
                if (title is not { Length: > 0 and <= 20 })
                {
                    return TwilioError.Result(400, 20001, $"twilio/quick-reply action title '{title}' must be 1 to 20 characters.");
                }

                if (id is { Length: > 200 })
                {
                    return TwilioError.Result(400, 20001, "twilio/quick-reply action id must be at most 200 characters.");
                }

                buttons.Add(new TwilioButton(id ?? title, title));
            }
        }

        var variables = root["variables"] is JsonObject defaults
            ? defaults.ToDictionary(pair => pair.Key, pair => Text(pair.Value) ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var content = new TwilioContent(state.NewSid("HX"), Text(root["friendly_name"]), language, [.. types.Select(pair => pair.Key)],
            body, buttons, variables);
        lock (state.Sync)
        {
            state.Contents[content.Sid] = content;
        }

        recordings.Contents.Add(content);
        var now = state.Options.TimeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        root["sid"] = content.Sid;
        root["account_sid"] = state.Options.AccountSid;
        root["date_created"] = now;
        root["date_updated"] = now;
        root["url"] = new Uri(new Uri(request.Scheme + "://" + request.Host), "/v1/Content/" + content.Sid).AbsoluteUri;
        return new TwilioJsonResult(201, root);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
