using Byoc.Core.Messages;

namespace Byoc.Connector.Attachments;

/// <summary>The files of an outbound message as <see cref="OutboundFileFetcher"/> left them.</summary>
/// <param name="Stored">The downloaded files.</param>
/// <param name="Refused">Files the policy refused, with why.</param>
/// <param name="TransientError">Set when a download failed in a way a retry may fix.</param>
internal sealed record OutboundFiles(
    IReadOnlyList<StoredFile> Stored, IReadOnlyList<(OutboundAttachment Attachment, string Reason)> Refused, string? TransientError)
{
    /// <summary>What the end user reads in place of the refused files.</summary>
    public string? RefusalNotice => Refused.Count == 0
        ? null
        : $"The agent sent {string.Join(", ", Refused.Select(r => r.Attachment.Name))}, which could not be delivered.";

    /// <summary>What is recorded as the delivery failure.</summary>
    public string? RefusalError => Refused.Count == 0
        ? null
        : "Refused attachment(s): " + string.Join("; ", Refused.Select(r => $"{r.Attachment.Name}: {r.Reason}"));
}
