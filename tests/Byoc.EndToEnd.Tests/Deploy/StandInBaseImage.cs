using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>
/// The base image the container test builds on, in place of <c>mcr.microsoft.com/dotnet/runtime-deps:10.0</c> (not
/// reachable here): one real gzip-compressed rootfs layer with what the connector's image relies on from its base (the
/// non-root user <c>app</c>, uid and gid 1654, in <c>/etc/passwd</c> and <c>/etc/group</c>; a world-writable
/// <c>/tmp</c>; the <c>APP_UID</c> variable), an OCI image config for linux/amd64, its manifest and an image index,
/// as a multi-platform base is published. It has none of runtime-deps' libraries (glibc, OpenSSL, ICU): the test runs
/// the app from the image's layer on the host, never inside this file system.
/// </summary>
internal static class StandInBaseImage
{
    public const string Repository = "dotnet/runtime-deps";
    public const string Tag = "10.0";
    public const string IndexMediaType = "application/vnd.oci.image.index.v1+json";
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";
    public const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const int AppUid = 1654;

    /// <summary>Publishes the image into <paramref name="registry"/> and returns the digest of its only layer.</summary>
    public static string PublishTo(OciRegistry registry)
    {
        var tar = RootFileSystem();
        var layer = Gzip(tar);
        var layerDigest = registry.AddBlob(Repository, layer);
        var config = Json(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654"),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(OciRegistry.Digest(tar)) },
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "StandInBaseImage: /etc/passwd, /etc/group, /tmp" }),
        });
        var configDigest = registry.AddBlob(Repository, config);
        var manifest = Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaType,
            ["config"] = Descriptor(ConfigMediaType, configDigest, config.Length),
            ["layers"] = new JsonArray(Descriptor(LayerMediaType, layerDigest, layer.Length)),
        });
        var manifestDigest = registry.AddManifest(Repository, ManifestMediaType, manifest);
        var platform = Descriptor(ManifestMediaType, manifestDigest, manifest.Length);
        platform["platform"] = new JsonObject { ["architecture"] = "amd64", ["os"] = "linux" };
        registry.AddManifest(Repository, IndexMediaType,
            Json(new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = IndexMediaType, ["manifests"] = new JsonArray(platform) }), Tag);
        return layerDigest;
    }

    private static byte[] RootFileSystem()
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            var modified = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            foreach (var (name, mode, owner) in new[]
            {
                ("etc/", Directory, 0),
                ("home/", Directory, 0),
                ("home/app/", Directory, AppUid),
                ("tmp/", Directory | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit, 0),
            })
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, Uid = owner, Gid = owner, ModificationTime = modified });
            }

            foreach (var (name, text) in new[]
            {
                ("etc/passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654::/home/app:/usr/sbin/nologin\n"),
                ("etc/group", "root:x:0:\napp:x:1654:\n"),
            })
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = File,
                    ModificationTime = modified,
                    DataStream = new MemoryStream(Encoding.ASCII.GetBytes(text)),
                });
            }
        }

        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return stream.ToArray();
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private static byte[] Json(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
