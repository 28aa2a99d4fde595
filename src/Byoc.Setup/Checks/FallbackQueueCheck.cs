using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary><c>FallbackQueueId</c> is a queue that takes MessagingSession, so escalations have somewhere to go.</summary>
internal sealed class FallbackQueueCheck : IDoctorCheck
{
    public string Name => "fallback-queue";

    public string Title => "Fallback queue supports MessagingSession";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var channel = await context.ChannelAsync(cancellationToken);
        var fix = $"Run byoc setup (it creates {context.Package.Queue} for MessagingSession and sets FallbackQueueId).";
        if (channel?.Str("FallbackQueueId") is not { } queueId)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, channel is null ? "No channel to read FallbackQueueId from." : "FallbackQueueId is empty.", fix);
        }

        var queues = await context.Org.QueryAsync($"SELECT Id, DeveloperName FROM Group WHERE Id={Soql.Quote(queueId)} AND Type='Queue'", cancellationToken: cancellationToken);
        if (queues is not [var queue, ..])
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"FallbackQueueId {queueId} is not an existing queue (deleted?).", fix);
        }

        var objects = await context.Org.QueryAsync(
            $"SELECT Id FROM QueueSobject WHERE QueueId={Soql.Quote(queueId)} AND SobjectType='MessagingSession'", cancellationToken: cancellationToken);
        return objects.Count > 0
            ? new CheckResult(Name, Title, CheckStatus.Pass, $"{queue.Str("DeveloperName")} ({queueId}) takes MessagingSession.")
            : new CheckResult(Name, Title, CheckStatus.Fail, $"{queue.Str("DeveloperName")} ({queueId}) does not list MessagingSession.",
                $"Setup → Queues → {queue.Str("DeveloperName")} → Supported Objects → add Messaging Session (or byoc setup).");
    }
}
