using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using Byoc.EndToEnd.Tests.Install;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>
/// One container publish shared by every <see cref="ContainerImageTests"/> test (the publish is the cost): the stand-in
/// base image served by a local <see cref="OciRegistry"/>, then docs/deploy.md's command, <c>dotnet publish src/Byoc.Cli
/// -c Release -r linux-x64 -t:PublishContainer</c>, writing the image to an archive, whose entries are kept in memory.
/// </summary>
public sealed class ContainerArchiveFixture : IAsyncLifetime
{
    private OciRegistry? _registry;

    /// <summary>A temp folder for the archive and what the tests extract from it.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("byoc-container-").FullName;

    /// <summary>The base image reference the publish was given, e.g. <c>127.0.0.1:40123/dotnet/runtime-deps:10.0</c>.</summary>
    public string BaseImage { get; private set; } = "";

    /// <summary>The digest of the stand-in base image's only layer.</summary>
    public string BaseLayerDigest { get; private set; } = "";

    /// <summary>The requests the SDK made to the registry.</summary>
    public IReadOnlyCollection<string> RegistryRequests => _registry?.Requests ?? [];

    /// <summary>The publish's exit code and output.</summary>
    public (int ExitCode, string Output) Publish { get; private set; }

    /// <summary>How long the publish took.</summary>
    public TimeSpan PublishTime { get; private set; }

    /// <summary>The archive's path.</summary>
    public string ArchivePath => Path.Combine(Directory, "byoc-connector.tar.gz");

    /// <summary>Whether the archive is gzip-compressed (the SDK writes a plain tar, whatever the file name ends with).</summary>
    public bool IsGzip { get; private set; }

    /// <summary>The archive's entries by name (regular files only), empty when the publish failed.</summary>
    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _registry = await OciRegistry.StartAsync(ct);
        BaseLayerDigest = StandInBaseImage.PublishTo(_registry);
        BaseImage = $"{_registry.Host}/{StandInBaseImage.Repository}:{StandInBaseImage.Tag}";
        var stopwatch = Stopwatch.StartNew();
        Publish = await CommandRun.RunAsync("dotnet",
            ["publish", Path.Combine(RepositoryPaths.Root, "src", "Byoc.Cli"), "-c", "Release", "-r", "linux-x64", "-t:PublishContainer",
                $"-p:ContainerArchiveOutputPath={ArchivePath}", $"-p:ContainerBaseImage={BaseImage}"],
            Directory, TimeSpan.FromMinutes(8), new Dictionary<string, string> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = _registry.Host });
        PublishTime = stopwatch.Elapsed;
        if (Publish.ExitCode == 0 && File.Exists(ArchivePath))
        {
            (IsGzip, Entries) = await ReadArchiveAsync(ArchivePath, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static async Task<(bool IsGzip, Dictionary<string, byte[]> Entries)> ReadArchiveAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        await using Stream content = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using var reader = new TarReader(content);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is not null)
            {
                using var buffer = new MemoryStream();
                await entry.DataStream.CopyToAsync(buffer, cancellationToken);
                entries[entry.Name] = buffer.ToArray();
            }
        }

        return (gzipped, entries);
    }
}
