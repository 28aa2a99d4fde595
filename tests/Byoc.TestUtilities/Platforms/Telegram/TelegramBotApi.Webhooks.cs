using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Byoc.TestUtilities.Platforms.Telegram;

/// <summary>setWebhook, deleteWebhook and getWebhookInfo, validated as the Bot API reference describes them.</summary>
internal sealed partial class TelegramBotApi
{
    private static readonly int[] s_webhookPorts = [443, 80, 88, 8443];

    private TelegramAnswer SetWebhook(TelegramParameters parameters)
    {
        var url = parameters.GetString("url");
        if (string.IsNullOrEmpty(url))
        {
            return DeleteWebhook(parameters);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return TelegramAnswer.BadRequest("bad webhook: Failed to resolve host: Name or service not known");
        }

        var insecureAllowed = options.AllowInsecureLoopbackWebhooks && IsLoopback(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !insecureAllowed)
        {
            return TelegramAnswer.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (!insecureAllowed && !s_webhookPorts.Contains(uri.Port))
        {
            return TelegramAnswer.BadRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }

        var secret = parameters.GetString("secret_token");
        if (secret is not null && !SecretTokenPattern().IsMatch(secret))
        {
            return TelegramAnswer.BadRequest("secret token contains unallowed characters");
        }

        var maxConnections = parameters.Has("max_connections") ? parameters.GetLong("max_connections") : 40;
        if (maxConnections is not (>= 1 and <= 100))
        {
            return TelegramAnswer.BadRequest("bad webhook: max_connections must be between 1 and 100");
        }

        if (!TryReadAllowedUpdates(parameters, out var allowedUpdates))
        {
            return TelegramAnswer.BadRequest("can't parse allowed updates JSON object");
        }

        lock (state.Sync)
        {
            // allowed_updates: "If not specified, the previous setting will be used."
            var registration = new TelegramWebhookRegistration(uri, secret, (int)maxConnections,
                parameters.Has("allowed_updates") ? allowedUpdates : state.Webhook?.AllowedUpdates);
            var unchanged = state.Webhook is { } current && current.Url == registration.Url
                && current.SecretToken == registration.SecretToken && current.MaxConnections == registration.MaxConnections
                && (current.AllowedUpdates ?? []).SequenceEqual(registration.AllowedUpdates ?? []);
            state.Webhook = registration;
            if (parameters.GetBool("drop_pending_updates"))
            {
                sender.DropPending();
            }

            sender.WebhookChanged();
            return TelegramAnswer.Ok(true, unchanged ? "Webhook is already set" : "Webhook was set");
        }
    }

    private TelegramAnswer DeleteWebhook(TelegramParameters parameters)
    {
        lock (state.Sync)
        {
            var existed = state.Webhook is not null;
            state.Webhook = null;
            if (parameters.GetBool("drop_pending_updates"))
            {
                sender.DropPending();
            }

            return TelegramAnswer.Ok(true, existed ? "Webhook was deleted" : "Webhook is already deleted");
        }
    }

    private TelegramAnswer GetWebhookInfo()
    {
        TelegramWebhookRegistration? webhook;
        lock (state.Sync)
        {
            webhook = state.Webhook;
        }

        var info = new JsonObject
        {
            ["url"] = webhook?.Url.AbsoluteUri ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = sender.PendingCount,
        };
        if (webhook is not null)
        {
            info["max_connections"] = webhook.MaxConnections;
            info["ip_address"] = "127.0.0.1";
            if (webhook.AllowedUpdates is { } allowed)
            {
                info["allowed_updates"] = new JsonArray([.. allowed.Select(type => (JsonNode)type)]);
            }
        }

        if (sender.LastErrorDate is { } errorDate)
        {
            info["last_error_date"] = errorDate.ToUnixTimeSeconds();
            info["last_error_message"] = sender.LastErrorMessage;
        }

        return TelegramAnswer.Ok(info);
    }

    private static bool TryReadAllowedUpdates(TelegramParameters parameters, out IReadOnlyList<string>? allowedUpdates)
    {
        allowedUpdates = null;
        try
        {
            if (parameters.GetJson("allowed_updates") is not { } node)
            {
                return true;
            }

            if (node is not JsonArray array || array.Any(item => item is not JsonValue value || !value.TryGetValue<string>(out _)))
            {
                return false;
            }

            allowedUpdates = [.. array.Select(item => item!.GetValue<string>())];
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    // setWebhook, secret_token: "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed."
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();
}
