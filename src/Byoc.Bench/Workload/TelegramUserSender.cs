using Byoc.Core.Delivery;
using Byoc.TestUtilities.Platforms.Telegram;

namespace Byoc.Bench.Workload;

/// <summary>
/// The end users on Telegram: each message is written in the local Telegram fake, which delivers it to the connector's
/// webhook as an update with the secret-token header and retries it on a non-2xx answer as Telegram does. The send is
/// accepted when the fake saw a 2xx for the update, refused when the fake gave up on it. The platform assigns the
/// <c>update_id</c>, so the load driver's message id is not used and the driver never retries (the platform does).
/// </summary>
internal sealed class TelegramUserSender(FakeTelegram telegram) : IMessageSender
{
    public async Task<DeliveryOutcomeKind> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken)
    {
        var update = await telegram.SendTextAsync(BenchText.TelegramChatId(user), text, cancellationToken);
        using var settled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delivered = telegram.WaitForDeliveryAsync(update, settled.Token);
        var abandoned = telegram.AbandonedUpdates.WaitForAsync(u => u.UpdateId == update.UpdateId, settled.Token);
        var first = await Task.WhenAny(delivered, abandoned);
        await settled.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == delivered && delivered.IsCompletedSuccessfully ? DeliveryOutcomeKind.Succeeded : DeliveryOutcomeKind.Permanent;
    }
}
