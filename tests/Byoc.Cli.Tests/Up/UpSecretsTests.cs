using Byoc.Cli.Up;

namespace Byoc.Cli.Tests.Up;

public sealed class UpSecretsTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void LoadOrCreate_SecondRun_ReusesTheSecretsKeptInTheStateFolder()
    {
        var first = UpSecrets.LoadOrCreate(_state);
        var second = UpSecrets.LoadOrCreate(_state);

        Assert.Equal(first, second);
        Assert.StartsWith("whsec_", first.WebhookSecret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first.WebhookSecret["whsec_".Length..]).Length);
        Assert.True(first.WebChatSessionSecret.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_state, UpSecrets.FileName)));
        }
    }

    [Fact]
    public void LoadOrCreate_FileFromBeforeTheAdminKey_KeepsItsSecretsAndAddsAnAdminKey()
    {
        Directory.CreateDirectory(_state);
        File.WriteAllText(Path.Combine(_state, UpSecrets.FileName), """{"webChatSessionSecret":"c2Vzc2lvbi1zZWNyZXQtb2YtYW4tb2xkLXJ1bg==","webhookSecret":"whsec_b2xk"}""");

        var upgraded = UpSecrets.LoadOrCreate(_state);
        var again = UpSecrets.LoadOrCreate(_state);

        Assert.Equal(("c2Vzc2lvbi1zZWNyZXQtb2YtYW4tb2xkLXJ1bg==", "whsec_b2xk"), (upgraded.WebChatSessionSecret, upgraded.WebhookSecret));
        Assert.Equal(48, upgraded.AdminApiKey.Length);
        Assert.Equal(upgraded, again);
    }

    [Fact]
    public void LoadOrCreate_OtherStateFolder_OtherSecrets()
    {
        var first = UpSecrets.LoadOrCreate(_state);
        var other = UpSecrets.LoadOrCreate(Path.Combine(_state, "other"));

        Assert.NotEqual(first.WebhookSecret, other.WebhookSecret);
        Assert.NotEqual(first.WebChatSessionSecret, other.WebChatSessionSecret);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
