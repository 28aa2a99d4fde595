using System.Globalization;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// Several end users, each sending numbered messages in order through the signed webhook. A message's text names its user and
/// position (<c>"[u3 #07] ..."</c>) so the org's transcript can be checked for loss, duplicates and order.
/// </summary>
internal sealed class Workload(int users, int messagesPerUser, string runId)
{
    public int Users { get; } = users;

    public int MessagesPerUser { get; } = messagesPerUser;

    public int Total => Users * MessagesPerUser;

    public string UserId(int user) => string.Create(CultureInfo.InvariantCulture, $"{runId}-u{user}");

    public static string Text(int user, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"[u{user} #{index:D2}] what time do you open on day {index}?");

    public string MessageId(int user, int index) => string.Create(CultureInfo.InvariantCulture, $"{runId}-u{user}-m{index}");

    /// <summary>
    /// Sends every user's messages (or those <paramref name="which"/> picks by user and index) in order, the users
    /// concurrently; a post the connector did not answer is retried like a platform would.
    /// </summary>
    public Task SendAllAsync(Func<WebhookPlatform> platform, Func<int, int, bool>? which = null) =>
        SendPacedAsync(platform, TimeSpan.Zero, which);

    /// <summary>Like <see cref="SendAllAsync"/>, with a pause between one user's messages.</summary>
    public async Task SendPacedAsync(Func<WebhookPlatform> platform, TimeSpan pause, Func<int, int, bool>? which = null)
    {
        await Task.WhenAll(Enumerable.Range(0, Users).Select(async user =>
        {
            using var client = platform();
            for (var index = 0; index < MessagesPerUser; index++)
            {
                if (which is null || which(user, index))
                {
                    await SendOneAsync(client, user, index);
                    await Task.Delay(pause, TestContext.Current.CancellationToken);
                }
            }
        }));
    }

    private async Task SendOneAsync(WebhookPlatform client, int user, int index)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.SendTextAsync(MessageId(user, index), UserId(user), Text(user, index));
                return;
            }
            catch (Exception ex) when (attempt < 60 && ex is HttpRequestException or TimeoutException or TaskCanceledException)
            {
                // The connector is down (crash test): the platform keeps the message and tries again.
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }
    }
}
