using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>The admin API's view of an end user's WhatsApp customer-service window, on the connector's and Meta's shared fake clock.</summary>
public sealed class WhatsAppWindowEndpointsTests
{
    private const string User = "15550007777";
    private const string Key = "admin-key-for-tests";

    [Fact]
    public async Task Get_AfterTheUsersMessageAndAfter24Hours_OpenThenClosedWithTheTimes()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var test = await StartAsync(clock, "--Connector:WhatsApp:Channels:wa:WindowTemplateName=follow_up");
        using var client = Admin(test);
        var hello = await test.Meta.SendTextAsync(User, "hi", cancellationToken: Ct);
        await test.Meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);

        var open = await client.GetFromJsonAsync<JsonElement>($"/admin/whatsapp/wa/window/{User}", Ct);
        clock.Advance(TimeSpan.FromHours(24));
        var closed = await client.GetFromJsonAsync<JsonElement>($"/admin/whatsapp/wa/window/{User}", Ct);

        Assert.True(open.GetProperty("open").GetBoolean());
        Assert.Equal(hello.Wamids[0], open.GetProperty("lastMessageId").GetString());
        Assert.Equal(open.GetProperty("lastMessageAt").GetDateTimeOffset() + TimeSpan.FromHours(24), open.GetProperty("closesAt").GetDateTimeOffset());
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.Equal("template follow_up", closed.GetProperty("outsideTheWindow").GetString());
    }

    [Fact]
    public async Task Get_UserWhoNeverWrote_ClosedWithNoTimesAndFailureOutside()
    {
        await using var test = await StartAsync(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = Admin(test);

        var state = await client.GetFromJsonAsync<JsonElement>("/admin/whatsapp/wa/window/15550000000", Ct);

        Assert.False(state.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("lastMessageAt").ValueKind);
        Assert.Equal("failure", state.GetProperty("outsideTheWindow").GetString());
    }

    [Fact]
    public async Task Get_ChannelThatIsNotWhatsApp_NotFoundProblem()
    {
        await using var test = await StartAsync(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = Admin(test);

        using var response = await client.GetAsync(new Uri($"/admin/whatsapp/nope/window/{User}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'nope' is not a configured WhatsApp channel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutTheAdminKey_Unauthorized()
    {
        await using var test = await StartAsync(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        using var client = test.Host.Connector.CreateClient();

        using var response = await client.GetAsync(new Uri($"/admin/whatsapp/wa/window/{User}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<WhatsAppTestHost> StartAsync(FakeTimeProvider clock, params string[] extraArgs) =>
        WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { TimeProvider = clock, AutoStatuses = [], RetryDelays = [] }, clock,
            extraArgs: [$"--Connector:Admin:ApiKey={Key}", .. extraArgs]);

    private static HttpClient Admin(WhatsAppTestHost test)
    {
        var client = test.Host.Connector.CreateClient();
        client.DefaultRequestHeaders.Add("X-Byoc-Admin-Key", Key);
        return client;
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
