using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Byoc.EndToEnd.Tests.Install;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>
/// docs/deploy.md's container image, built by the SDK (<c>-t:PublishContainer</c>, no Docker) to an archive on top of
/// the stand-in base image from a local registry (<see cref="ContainerArchiveFixture"/>, one publish for all tests):
/// the archive is a well-formed OCI image layout whose digests match, the image config carries what
/// src/Byoc.Cli/Byoc.Cli.csproj asks for, and the app layer, extracted, runs as the connector.
/// </summary>
[Collection(SerialPublish.Name)]
[Trait("Category", "Slow")]
public sealed class ContainerImageTests(ContainerArchiveFixture archive) : IClassFixture<ContainerArchiveFixture>
{
    private static readonly XDocument s_project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Byoc.Cli", "Byoc.Cli.csproj"));

    [Fact]
    public void Publish_StandInBaseFromLocalRegistry_PulledByTagThenPlatformDigest()
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"dotnet publish -t:PublishContainer took {archive.PublishTime.TotalSeconds:F0} s.");
        Assert.True(archive.Publish.ExitCode == 0, archive.Publish.Output);
        Assert.Contains($"on top of base image '{archive.BaseImage}'", archive.Publish.Output, StringComparison.Ordinal);
        var requests = archive.RegistryRequests.ToArray();
        Assert.Contains($"GET /v2/{StandInBaseImage.Repository}/manifests/{StandInBaseImage.Tag} → 200", requests);
        Assert.Contains(requests, r => r.StartsWith($"GET /v2/{StandInBaseImage.Repository}/manifests/sha256:", StringComparison.Ordinal) && r.EndsWith("→ 200", StringComparison.Ordinal));
        Assert.Contains($"GET /v2/{StandInBaseImage.Repository}/blobs/{archive.BaseLayerDigest} → 200", requests);
        Assert.DoesNotContain(requests, r => !r.EndsWith("→ 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Archive_OciLayout_EveryBlobMatchesItsDigestAndSize()
    {
        var index = Json("index.json");

        Assert.False(archive.IsGzip, "docs/deploy.md says the archive is an uncompressed tar; the SDK now compresses it.");

        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", Encoding.UTF8.GetString(Entry("oci-layout")).Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(2, index.GetProperty("schemaVersion").GetInt32());
        var tagged = index.GetProperty("manifests").EnumerateArray().ToArray();
        Assert.NotEmpty(tagged);
        foreach (var descriptor in tagged.Append(Manifest().GetProperty("config")).Concat(Manifest().GetProperty("layers").EnumerateArray()))
        {
            var digest = descriptor.GetProperty("digest").GetString()!;
            var blob = Entry(BlobPath(digest));
            Assert.Equal(digest, OciRegistry.Digest(blob));
            Assert.Equal(descriptor.GetProperty("size").GetInt64(), blob.Length);
        }

        Assert.Equal(StandInBaseImage.ManifestMediaType, tagged[0].GetProperty("mediaType").GetString());
        Assert.Equal(StandInBaseImage.ConfigMediaType, Manifest().GetProperty("config").GetProperty("mediaType").GetString());
    }

    [Fact]
    public void Archive_Tags_VersionAndLatestFromTheProject()
    {
        var names = Json("index.json").GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString()).ToArray();

        Assert.Contains("latest", names);
        Assert.Contains(typeof(Byoc.Cli.ExitCodes).Assembly.GetName().Version!.ToString(3), names);
    }

    [Fact]
    public void Config_Layers_BaseLayerFirstAndDiffIdsAreTheUncompressedLayers()
    {
        var layers = Manifest().GetProperty("layers").EnumerateArray().ToArray();
        var diffIds = Config().GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToArray();

        Assert.True(layers.Length >= 2, "The image has the base layer and at least one app layer.");
        Assert.Equal(archive.BaseLayerDigest, layers[0].GetProperty("digest").GetString());
        Assert.Equal(layers.Length, diffIds.Length);
        for (var i = 0; i < layers.Length; i++)
        {
            using var uncompressed = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(Entry(BlobPath(layers[i].GetProperty("digest").GetString()!))), CompressionMode.Decompress))
            {
                gzip.CopyTo(uncompressed);
            }

            Assert.Equal(diffIds[i], "sha256:" + Convert.ToHexStringLower(SHA256.HashData(uncompressed.ToArray())));
        }
    }

    [Fact]
    public void Config_AsPublished_NonRootUserPortEntrypointAndEnvironmentFromTheProject()
    {
        var image = Config();
        var config = image.GetProperty("config");

        Assert.Equal("linux", image.GetProperty("os").GetString());
        Assert.Equal("amd64", image.GetProperty("architecture").GetString());
        Assert.Equal(s_project.Descendants("ContainerUser").Single().Value, config.GetProperty("User").GetString());
        Assert.NotEqual("0", config.GetProperty("User").GetString());
        var port = s_project.Descendants("ContainerPort").Single();
        Assert.Equal([$"{port.Attribute("Include")!.Value}/{port.Attribute("Type")!.Value}"], config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["/app/byoc", "connector"], Command(config));
        Assert.Equal("/app/", config.GetProperty("WorkingDir").GetString());
        var env = Environment(config);
        foreach (var variable in s_project.Descendants("ContainerEnvironmentVariable"))
        {
            Assert.Equal(variable.Attribute("Value")!.Value, env.GetValueOrDefault(variable.Attribute("Include")!.Value));
        }

        Assert.Equal("1654", env.GetValueOrDefault("APP_UID"));
        Assert.False(config.TryGetProperty("Healthcheck", out _), "The SDK writes no HEALTHCHECK; Kubernetes probes /healthz/live and /healthz/ready.");
    }

    [Fact]
    public void AppLayer_Files_SelfContainedAppUnderApp()
    {
        var files = AppLayerFiles();

        Assert.True(files.TryGetValue("app/byoc", out var byoc), "app/byoc is in an app layer.");
        Assert.True(byoc!.HasFlag(UnixFileMode.OtherExecute), $"app/byoc is executable ({byoc}).");
        Assert.Contains("app/byoc.dll", files.Keys);
        Assert.Contains("app/libcoreclr.so", files.Keys);
        Assert.Contains("app/libe_sqlite3.so", files.Keys);
        Assert.DoesNotContain(files.Keys, f => f.StartsWith("etc/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The app layer extracted on the host and started as the image starts it (its entrypoint, command and environment),
    /// with the database and files moved to a temp folder and a loopback port: <c>/healthz/live</c> answers Healthy.
    /// It runs on the host, not in the stand-in base, which has no glibc or OpenSSL.
    /// </summary>
    [Fact]
    public async Task AppLayer_RunWithTheImagesCommandAndEnvironment_LiveAnswersHealthy()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64,
            "The image is linux-x64.");
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(archive.Directory, $"rootfs-{Guid.NewGuid():N}");
        foreach (var layer in Manifest().GetProperty("layers").EnumerateArray().Skip(1))
        {
            await using var gzip = new GZipStream(new MemoryStream(Entry(BlobPath(layer.GetProperty("digest").GetString()!))), CompressionMode.Decompress);
            Directory.CreateDirectory(root);
            await TarFile.ExtractToDirectoryAsync(gzip, root, overwriteFiles: true, ct);
        }

        var config = Config().GetProperty("config");
        var command = Command(config);
        var key = Path.Combine(archive.Directory, $"connector-{Guid.NewGuid():N}.key");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem(), ct);
        }

        var state = Path.Combine(root, "var", "lib", "byoc");
        var startInfo = new ProcessStartInfo(Path.Combine(root, command[0].TrimStart('/')))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(root, config.GetProperty("WorkingDir").GetString()!.Trim('/')),
        };
        startInfo.Environment.Clear();
        foreach (var (name, value) in Environment(config))
        {
            startInfo.Environment[name] = value.Replace("/var/lib/byoc", state, StringComparison.Ordinal);
        }

        // A container runtime sets HOME from the user's /etc/passwd entry (the base's /home/app).
        startInfo.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(root, "home", "app")).FullName;

        string[] args =
        [
            .. command.Skip(1), "--urls", "http://127.0.0.1:0",
            "--Connector:Salesforce:LoginUrl=http://127.0.0.1:9", "--Connector:Salesforce:ConsumerKey=key",
            "--Connector:Salesforce:Username=user@example.com", $"--Connector:Salesforce:PrivateKeyPath={key}",
            "--Connector:Salesforce:OrgId=00Dxx0000001gEH", "--Connector:Salesforce:ScrtUrl=http://127.0.0.1:9",
            "--Connector:Salesforce:AuthorizationContext=P_CCD", "--Connector:Salesforce:RegisterCapabilities=false",
            "--Connector:Salesforce:PubSub:Enabled=false",
        ];
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            var url = await ListeningUrlAsync(process, errors);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            using var response = await http.GetAsync(new Uri(new Uri(url), "/healthz/live"), ct);

            Assert.True(response.IsSuccessStatusCode, $"/healthz/live answered {(int)response.StatusCode}");
            Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(state, "connector.db")), "The database is where the image's Connector__Storage__Path puts it.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
    }

    private static async Task<string> ListeningUrlAsync(Process process, Task<string> errors)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            const string Listening = "byoc connector: listening on ";
            if (line.StartsWith(Listening, StringComparison.Ordinal))
            {
                return line[Listening.Length..].Split([',', ';'])[0];
            }
        }

        Assert.Fail($"The image's command exited ({process.ExitCode}) without listening:\n{string.Join('\n', lines)}\n{await errors}");
        return "";
    }

    private static string[] Command(JsonElement config) =>
        [.. config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!),
            .. config.TryGetProperty("Cmd", out var cmd) && cmd.ValueKind == JsonValueKind.Array ? cmd.EnumerateArray().Select(e => e.GetString()!) : []];

    private static Dictionary<string, string> Environment(JsonElement config) =>
        config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static string BlobPath(string digest) => "blobs/" + digest.Replace(':', '/');

    /// <summary>Every regular file in the layers above the base, with its mode.</summary>
    private Dictionary<string, UnixFileMode> AppLayerFiles()
    {
        var files = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal);
        foreach (var layer in Manifest().GetProperty("layers").EnumerateArray().Skip(1))
        {
            using var reader = new TarReader(new GZipStream(new MemoryStream(Entry(BlobPath(layer.GetProperty("digest").GetString()!))), CompressionMode.Decompress));
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    files[entry.Name.TrimStart('.', '/')] = entry.Mode;
                }
            }
        }

        return files;
    }

    private JsonElement Manifest()
    {
        var descriptor = Json("index.json").GetProperty("manifests").EnumerateArray().First();
        return Json(BlobPath(descriptor.GetProperty("digest").GetString()!));
    }

    private JsonElement Config() => Json(BlobPath(Manifest().GetProperty("config").GetProperty("digest").GetString()!));

    private JsonElement Json(string entry) => JsonSerializer.Deserialize<JsonElement>(Entry(entry));

    private byte[] Entry(string name)
    {
        Assert.True(archive.Publish.ExitCode == 0, archive.Publish.Output);
        Assert.True(archive.Entries.TryGetValue(name, out var content), $"The archive has no {name}: {string.Join(", ", archive.Entries.Keys)}");
        return content;
    }
}
