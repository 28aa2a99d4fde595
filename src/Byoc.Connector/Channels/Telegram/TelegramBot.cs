using Byoc.Core.Delivery;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// One bot's Bot API client: every call gets a timeout on the <see cref="TimeProvider"/>, and every failure becomes a
/// value (<see cref="TelegramCall{T}"/>) by the one rule of <see cref="TransientFailures"/>: Telegram's 429 is retryable
/// no sooner than its <c>parameters.retry_after</c>, 5xx, timeouts and network errors are retryable, and other errors
/// (400 "chat not found", 403 "bot was blocked by the user") are permanent with Telegram's own description.
/// </summary>
internal sealed partial class TelegramBot(ITelegramBotClient client, string channel, TimeSpan timeout, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The client, for the calls of this class's callers.</summary>
    public ITelegramBotClient Client => client;

    /// <summary>
    /// The client for one bot. The library's own retry of 429 answers (it sleeps up to <c>RetryThreshold</c> seconds
    /// inside the call) is turned off: the outbox honours <c>retry_after</c> instead, without holding a worker.
    /// </summary>
    public static ITelegramBotClient CreateClient(string token, Uri apiBaseUrl, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var isTelegram = apiBaseUrl == TelegramEndpointOptions.DefaultApiBaseUrl;
        var options = new TelegramBotClientOptions(token, isTelegram ? null : apiBaseUrl.GetLeftPart(UriPartial.Authority)) { RetryThreshold = 0 };
        return new TelegramBotClient(options, httpClient);
    }

    /// <summary>Makes one call and classifies how it ended; <paramref name="method"/> names it in errors (<c>sendMessage</c>).</summary>
    public async Task<TelegramCall<T>> CallAsync<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        TelegramCall<T> failure;
        try
        {
            return new TelegramCall<T>(await call(client, linkedCts.Token), DeliveryOutcome.Succeeded);
        }
        catch (ApiRequestException ex)
        {
            var retryAfter = ex.Parameters?.RetryAfter is int seconds and > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var error = $"Telegram refused {method}: {ex.Message} ({ex.ErrorCode}).";
            failure = new TelegramCall<T>(default, DeliveryOutcome.ForStatus(ex.ErrorCode, error, retryAfter), ex.ErrorCode, ex.Message);
        }
        catch (RequestException ex) when (ex.HttpStatusCode is { } status)
        {
            var error = $"Telegram answered {method} with {(int)status} and no Bot API error: {ex.Message}";
            failure = new TelegramCall<T>(default, DeliveryOutcome.ForStatus((int)status, error), (int)status, ex.Message);
        }
        catch (RequestException ex)
        {
            failure = new TelegramCall<T>(default, DeliveryOutcome.Retryable($"The Bot API could not be reached for {method}: {ex.Message}"), null, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = new TelegramCall<T>(default, DeliveryOutcome.Retryable($"The Bot API did not answer {method} within {timeout}."));
        }

        Log.CallFailed(logger, channel, method, failure.ErrorCode ?? 0, failure.Outcome.Error ?? "");
        return failure;
    }
}
