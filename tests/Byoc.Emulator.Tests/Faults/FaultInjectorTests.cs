using System.Net;
using System.Net.Http.Json;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Tests.Interactions;

namespace Byoc.Emulator.Tests.Faults;

public sealed class FaultInjectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Interactions_ErrorRateOne_AnswersServerErrorsAndCreatesNoRecord()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Faults:ErrorRate=1", "--Emulator:Faults:RandomSeed=7");
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var statuses = new HashSet<HttpStatusCode>();

        for (var i = 0; i < 12; i++)
        {
            var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
            statuses.Add(status);
            Assert.Equal(500, body["code"]!.GetValue<int>());
        }

        Assert.Subset(new HashSet<HttpStatusCode> { HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests }, statuses);
        Assert.True(statuses.Count > 1);
        Assert.Empty(emulator.Get<OrgStore>().Records("Conversation"));
    }

    [Fact]
    public async Task Interactions_LostAnswerRateOne_ProcessesButAnswers503AndTheRetryGets10073()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Faults:LostAnswerRate=1");
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var interaction = ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi");

        var (first, _) = await client.PostInteractionAsync(interaction);
        emulator.Get<Byoc.Emulator.Faults.FaultInjector>().Update(new Byoc.Emulator.Faults.FaultOptions());
        var (retry, body) = await client.PostInteractionAsync(interaction);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first);
        Assert.Single(emulator.Get<OrgStore>().Records("Conversation"));
        Assert.Equal(10073, body["code"]!.GetValue<int>());
        Assert.NotEqual(HttpStatusCode.Accepted, retry);
    }

    [Fact]
    public async Task AdminEndpoint_RevokeTokensNow_ExistingTokenRejectedAndNewOneWorks()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        using var admin = emulator.CreateInstanceClient();

        using var response = await admin.PostAsJsonAsync("/emulator/faults", new { revokeTokensNow = true }, Ct);
        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        client.AccessToken = await emulator.GetAccessTokenAsync();
        var (retried, _) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(10004, body["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Accepted, retried);
    }

    [Fact]
    public async Task AdminEndpoint_SetErrorRate_AppliesAtRunTimeAndReadsBack()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = emulator.CreateInstanceClient();

        using var set = await admin.PostAsJsonAsync("/emulator/faults", new { errorRate = 0.25, dropStreamEveryEvents = 3, randomSeed = 42 }, Ct);
        var current = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/emulator/faults", Ct);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(0.25, current!["errorRate"]!.GetValue<double>());
        Assert.Equal(3, current["dropStreamEveryEvents"]!.GetValue<int>());
        Assert.Equal(0.25, emulator.Get<Byoc.Emulator.Faults.FaultInjector>().Current.ErrorRate);
    }

    [Fact]
    public async Task AdminEndpoint_AttachmentUploadError_ReadsBackAndRejectsUnknownTypes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = emulator.CreateInstanceClient();

        using var set = await admin.PostAsJsonAsync("/emulator/faults", new { attachmentUploadError = "StorageLimitExceeded" }, Ct);
        using var wrong = await admin.PostAsJsonAsync("/emulator/faults", new { attachmentUploadError = "VirusFound" }, Ct);
        var current = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/emulator/faults", Ct);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("attachmentUploadError must be one of StorageLimitExceeded", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("StorageLimitExceeded", current!["attachmentUploadError"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminEndpoint_MalformedJson_ProblemSaysWhatIsWrong()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = emulator.CreateInstanceClient();

        using var response = await admin.PostAsync("/emulator/faults",
            new StringContent("{\"errorRate\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("as JSON", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.Get<Byoc.Emulator.Faults.FaultInjector>().Current.ErrorRate);
    }

    [Fact]
    public async Task AdminEndpoint_WithAdminKeyConfigured_RequiresIt()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:AdminKey=s3cret");
        using var admin = emulator.CreateInstanceClient();

        using var denied = await admin.GetAsync("/emulator/faults", Ct);
        admin.DefaultRequestHeaders.Add("X-Emulator-Admin-Key", "s3cret");
        using var allowed = await admin.GetAsync("/emulator/faults", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Latency_DelaysInteractionUntilClockAdvances()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Faults:Latency=00:01:00");
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var pending = client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        await Task.Delay(200, Ct);
        Assert.False(pending.IsCompleted);
        for (var i = 0; i < 100 && !pending.IsCompleted; i++)
        {
            emulator.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(20, Ct));
        }

        var (status, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task RevokeTokensEvery_RevokesOnSchedule()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Faults:RevokeTokensEvery=00:10:00", "--Emulator:SessionTimeout=1.00:00:00");
        var token = await emulator.GetAccessTokenAsync();
        var tokens = emulator.Get<IAccessTokens>();

        for (var i = 0; i < 100 && tokens.Validate(token) is not null; i++)
        {
            emulator.Time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(20, Ct);
        }

        Assert.Null(tokens.Validate(token));
    }
}
