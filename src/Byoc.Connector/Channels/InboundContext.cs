using Byoc.Core.Channels;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels;

/// <summary>The <see cref="IInboundContext"/> of one front-door request on one channel; the door runs its after-commit steps.</summary>
internal sealed class InboundContext(string channel, IInboxStore inbox, InboundFiles files, PendingChoices choices) : IInboundContext
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    /// <summary>The steps to run once the request's messages are committed, in the order they were added.</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommitSteps => _afterCommit;

    public Task<bool> IsStoredAsync(string platformMessageId, CancellationToken cancellationToken) =>
        inbox.ContainsAsync(channel, platformMessageId, cancellationToken);

    public Task<InboundFileResult> SaveFileAsync(string? name, string? mimeType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        files.SaveAsync(name, mimeType, content, cancellationToken);

    public Task<InboundFileResult> DownloadFileAsync(Uri url, string? name, string? mimeType, DownloadPolicy policy, CancellationToken cancellationToken) =>
        files.DownloadAsync(url, name, mimeType, policy, cancellationToken);

    public async Task<ChoiceMatch?> MatchChoiceAsync(string platformUserId, string? text, CancellationToken cancellationToken)
    {
        var match = await choices.MatchAsync(channel, platformUserId, text, cancellationToken);
        if (match is not null)
        {
            AfterCommit(ct => choices.AnsweredAsync(channel, platformUserId, match.EntryIdentifier, ct));
        }

        return match;
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _afterCommit.Add(action);
    }
}
