namespace Byoc.Emulator.Conversations;

/// <summary>
/// Sees every text message the emulated org publishes to an end user (an agent's or a rep's answer), right after it is on
/// the platform event: the hook a load harness books round trips with where the org sends them, with no connector in between.
/// Register implementations as services when building the org (<c>EmulatorApplication.Create(args, configure)</c>); they
/// run on the publishing thread, so they must be quick and must not throw.
/// </summary>
public interface IPublishedTextObserver
{
    /// <summary>A text message was published.</summary>
    /// <param name="text">The message's text.</param>
    /// <param name="entryIdentifier">Its conversation-entry identifier (the <c>payload.identifier</c> on the wire).</param>
    void OnTextPublished(string text, string entryIdentifier);
}
