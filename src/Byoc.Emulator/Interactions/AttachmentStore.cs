using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Files of the emulated org: end users' uploads and reps' outbound attachments. Each gets a public content-distribution style
/// download URL on the instance listener (<c>/sfc/dist/version/download/?oid=…&amp;ids=…&amp;d=…</c>, §6.3). Kept in the state
/// folder, or in memory when the emulator runs in memory.
/// </summary>
internal sealed class AttachmentStore(StateFolder state, EmulatorAddresses addresses, OrgIdentity org)
{
    public const string DownloadPath = "/sfc/dist/version/download/";
    private readonly ConcurrentDictionary<string, StoredAttachment> _attachments = new(StringComparer.Ordinal);

    /// <summary>Stores a file and returns it as an outbound attachment with its download URL.</summary>
    public async Task<OutboundAttachment> SaveAsync(string name, string mimeType, Stream content, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var stored = new StoredAttachment(id, name, mimeType, key, state.InMemory ? buffer.ToArray() : null);
        if (!state.InMemory)
        {
            Directory.CreateDirectory(state.AttachmentsDirectory);
            await File.WriteAllBytesAsync(Path.Combine(state.AttachmentsDirectory, id + ".bin"), buffer.ToArray(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(state.AttachmentsDirectory, id + ".json"),
                JsonSerializer.Serialize(stored with { Content = null }), cancellationToken);
        }

        _attachments[id] = stored;
        return ToOutbound(stored);
    }

    /// <summary>The file for a download request, or null when the id or key does not match.</summary>
    public async Task<(StoredAttachment Attachment, byte[] Content)?> OpenAsync(string id, string key, CancellationToken cancellationToken)
    {
        var stored = _attachments.GetValueOrDefault(id) ?? await LoadAsync(id, cancellationToken);
        if (stored is null || !CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(stored.Key), System.Text.Encoding.ASCII.GetBytes(key)))
        {
            return null;
        }

        var content = stored.Content ?? await File.ReadAllBytesAsync(Path.Combine(state.AttachmentsDirectory, id + ".bin"), cancellationToken);
        return (stored, content);
    }

    private async Task<StoredAttachment?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (state.InMemory || !Guid.TryParse(id, out _))
        {
            return null;
        }

        var path = Path.Combine(state.AttachmentsDirectory, id + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<StoredAttachment>(await File.ReadAllTextAsync(path, cancellationToken)) : null;
    }

    private OutboundAttachment ToOutbound(StoredAttachment stored) => new(
        stored.Id, stored.Name, stored.MimeType,
        $"{addresses.InstanceUrl.ToString().TrimEnd('/')}{DownloadPath}?oid={org.OrgId15}&ids={stored.Id}&d={stored.Key}");

    /// <summary>One stored file.</summary>
    internal sealed record StoredAttachment(string Id, string Name, string MimeType, string Key, byte[]? Content);
}
