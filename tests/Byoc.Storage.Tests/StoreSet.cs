using Byoc.Core.Storage;

namespace Byoc.Storage.Tests;

internal sealed record StoreSet(IInboxStore Inbox, IOutboxStore Outbox, IConversationStore Conversations, IDeadLetterStore DeadLetters);
