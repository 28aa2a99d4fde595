namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>Stores one platform event durably, together with its replay checkpoint. Must be idempotent.</summary>
internal interface IPlatformEventHandler
{
    /// <summary>Handles the event; when this returns the replay id is checkpointed.</summary>
    Task HandleAsync(PlatformEvent platformEvent, CancellationToken cancellationToken);
}
