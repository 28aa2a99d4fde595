using Microsoft.Playwright;

namespace Byoc.TestUtilities.Browser;

/// <summary>
/// The machine's Debian Chromium driven by Playwright (browsers are never downloaded). Without Chromium the test is
/// skipped, or fails in CI (<see cref="Prerequisite"/>).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] s_args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Prerequisite.Require(
            File.Exists(ExecutablePath), $"{ExecutablePath} is missing: install the Debian 'chromium' package (eng/install-test-deps.sh) to run browser tests.");

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = s_args,
                Timeout = 60_000,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Saves a full-page screenshot under <c>artifacts/test-results/screenshots</c> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string testName)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{testName}-{TimeProvider.System.GetUtcNow():yyyyMMdd-HHmmss}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
