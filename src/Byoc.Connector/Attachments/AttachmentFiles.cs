using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>
/// The files the connector holds: end users' files until they are forwarded (and shown back in web chat), and files
/// downloaded from Salesforce for a channel. Each file is <c>{id}.bin</c> plus <c>{id}.json</c> (name, MIME type, size)
/// in <see cref="AttachmentOptions.Directory"/>; the id is 128 random bits, so it doubles as an unguessable link.
/// </summary>
internal sealed class AttachmentFiles(IOptions<AttachmentOptions> options)
{
    private string Root => Path.GetFullPath(options.Value.Directory);

    /// <summary>
    /// Copies at most <paramref name="maxBytes"/> bytes into a new file; null (and nothing kept) when the stream is longer.
    /// The file exists only once it is complete.
    /// </summary>
    public async Task<StoredFile?> SaveAsync(string name, string mimeType, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Root);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var temporary = Path.Combine(Root, id + ".part");
        long length = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            var stored = new StoredFile(id, SafeName(name), mimeType, length);
            await File.WriteAllTextAsync(Path.Combine(Root, id + ".json"), JsonSerializer.Serialize(stored), cancellationToken);
            File.Move(temporary, Path.Combine(Root, id + ".bin"));
            return stored;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file's description, or null when there is no such (complete) file.</summary>
    public async Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || !File.Exists(Path.Combine(Root, id + ".bin")))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredFile>(await File.ReadAllTextAsync(Path.Combine(Root, id + ".json"), cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return null; // swept (AttachmentSweeper) since the check above
        }
    }

    /// <summary>Deletes a stored file and its description; a file already gone is no error.</summary>
    public void Delete(string id)
    {
        if (IsId(id))
        {
            File.Delete(Path.Combine(Root, id + ".bin"));
            File.Delete(Path.Combine(Root, id + ".json"));
        }
    }

    /// <summary>Opens a stored file for reading.</summary>
    public Stream OpenRead(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new FileStream(Path.Combine(Root, file.Id + ".bin"), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
    }

    /// <summary>A file name without directories or control characters, at most 255 characters.</summary>
    public static string SafeName(string? name)
    {
        var leaf = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string([.. leaf.Where(c => !char.IsControl(c) && c is not ('"' or '/'))]).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 255 ? clean[..255] : clean;
    }

    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
