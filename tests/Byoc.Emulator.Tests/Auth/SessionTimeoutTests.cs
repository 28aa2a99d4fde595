using System.Net;
using System.Net.Http.Headers;

namespace Byoc.Emulator.Tests.Auth;

/// <summary>
/// Sessions time out after inactivity, extended by a use in the second half of the timeout (Salesforce Help, "Session
/// Settings"), seen by a REST client.
/// </summary>
public sealed class SessionTimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_UsedInTheSecondHalf_GetsAnotherFullTimeout()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:SessionTimeout=00:30:00");
        using var client = await ClientAsync(emulator);

        emulator.Time.Advance(TimeSpan.FromMinutes(20));
        var atTwenty = await StatusAsync(client);
        emulator.Time.Advance(TimeSpan.FromMinutes(29));
        var atFortyNine = await StatusAsync(client);
        emulator.Time.Advance(TimeSpan.FromMinutes(31));
        var idleThirtyOne = await StatusAsync(client);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (atTwenty, atFortyNine, idleThirtyOne));
    }

    [Fact]
    public async Task Session_UsedOnlyInTheFirstHalf_EndsAtTheOriginalTimeout()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:SessionTimeout=00:30:00");
        using var client = await ClientAsync(emulator);

        emulator.Time.Advance(TimeSpan.FromMinutes(10));
        var atTen = await StatusAsync(client);
        emulator.Time.Advance(TimeSpan.FromMinutes(20));
        var atThirty = await StatusAsync(client);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (atTen, atThirty));
    }

    private static async Task<HttpClient> ClientAsync(TestEmulator emulator)
    {
        var client = emulator.CreateInstanceClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.GetAccessTokenAsync());
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/services/data/v66.0/limits", Ct);
        return response.StatusCode;
    }
}
