using Byoc.Connector.Attachments;
using Byoc.Connector.Salesforce;
using Microsoft.Extensions.Logging.Abstractions;

namespace Byoc.Connector.Tests.Attachments;

/// <summary>The attachment services as the host wires them, over a temporary folder.</summary>
internal sealed class TestAttachments : IDisposable
{
    public TestAttachments(Uri? instanceUrl = null, Action<AttachmentOptions>? configure = null)
    {
        Options = new AttachmentOptions { Directory = Path.Combine(Path.GetTempPath(), "byoc-attachments-" + Guid.NewGuid().ToString("N")) };
        configure?.Invoke(Options);
        var salesforce = new SalesforceOptions { InstanceUrl = instanceUrl };
        Files = new AttachmentFiles(Microsoft.Extensions.Options.Options.Create(Options));
        Check = new InboundFileCheck(Microsoft.Extensions.Options.Options.Create(Options));
        Downloader = new SafeDownloader(new Factory(), Files, Microsoft.Extensions.Options.Options.Create(Options),
            Microsoft.Extensions.Options.Options.Create(salesforce), TimeProvider.System, NullLogger<SafeDownloader>.Instance,
            new Byoc.Connector.Diagnostics.UrlSecrets());
        Fetcher = new OutboundFileFetcher(Downloader);
    }

    public AttachmentOptions Options { get; }

    public AttachmentFiles Files { get; }

    public InboundFileCheck Check { get; }

    public SafeDownloader Downloader { get; }

    public OutboundFileFetcher Fetcher { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Options.Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was stored.
        }
    }

    private sealed class Factory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            new(name == SafeDownloader.TrustedHttpClientName ? SafeDownloader.CreateTrustedHandler() : SafeDownloader.CreateHandler())
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
    }
}
