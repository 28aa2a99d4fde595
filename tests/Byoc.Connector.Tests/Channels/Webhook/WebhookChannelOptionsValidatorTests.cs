using Byoc.Connector.Channels.Webhook;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests.Channels.Webhook;

public sealed class WebhookChannelOptionsValidatorTests
{
    [Theory]
    [InlineData("Inline", null)]
    [InlineData("Link", "https://connector.example.com/byoc/")]
    [InlineData("Link", "http://127.0.0.1:5080")]
    public void Validate_GoodFileSettings_Succeeds(string mode, string? publicBaseUrl)
    {
        var result = Validate(Channel(Enum.Parse<OutboundFileMode>(mode), publicBaseUrl is null ? null : new Uri(publicBaseUrl, UriKind.RelativeOrAbsolute)));

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Theory]
    [InlineData("Link", null, 24, "PublicBaseUrl is required when OutboundFiles is Link")]
    [InlineData("Link", "byoc/files", 24, "PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Link", "ftp://connector.example.com/", 24, "PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Link", "https://connector.example.com/?a=1", 24, "PublicBaseUrl must be an absolute http(s) URL without query")]
    [InlineData("Link", "https://connector.example.com/", 0, "FileLinkLifetime must be positive")]
    [InlineData("Inline", null, -1, "FileLinkLifetime must be positive")]
    [InlineData("7", null, 24, "OutboundFiles must be Inline or Link")]
    public void Validate_BadFileSettings_NamesTheKeyAndTheProblem(string mode, string? publicBaseUrl, int lifetimeHours, string expected)
    {
        var channel = Channel(Enum.Parse<OutboundFileMode>(mode), publicBaseUrl is null ? null : new Uri(publicBaseUrl, UriKind.RelativeOrAbsolute));
        channel.FileLinkLifetime = TimeSpan.FromHours(lifetimeHours);

        var result = Validate(channel);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Connector:Webhook:Channels:shop:", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LinkModeWithoutPublicBaseUrl_FailsNamingTheKey()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-bad-webhook-").FullName;
        try
        {
            await using var app = ConnectorApplication.Create([$"--Connector:Storage:Path={Path.Combine(directory, "c.db")}",
                "--Connector:Webhook:Channels:shop:ChannelAddressIdentifier=addr",
                $"--Connector:Webhook:Channels:shop:Secret={ConnectorHost.Secret}",
                "--Connector:Webhook:Channels:shop:OutboundUrl=https://chat.example.com/byoc",
                "--Connector:Webhook:Channels:shop:OutboundFiles=Link"]);

            var error = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken));

            Assert.Contains("Connector:Webhook:Channels:shop:PublicBaseUrl is required", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static WebhookEndpointOptions Channel(OutboundFileMode mode, Uri? publicBaseUrl) => new()
    {
        ChannelAddressIdentifier = "addr",
        Secret = ConnectorHost.Secret,
        OutboundUrl = new Uri("https://chat.example.com/byoc"),
        OutboundFiles = mode,
        PublicBaseUrl = publicBaseUrl,
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(WebhookEndpointOptions channel) =>
        new WebhookChannelOptionsValidator().Validate(null, new WebhookChannelOptions { Channels = { ["shop"] = channel } });
}
