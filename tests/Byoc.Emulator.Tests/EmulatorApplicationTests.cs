using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byoc.Emulator.Packages;

namespace Byoc.Emulator.Tests;

/// <summary>The APIs the sf CLI needs are mapped on the hosted org's instance listener (not only in test hosts).</summary>
public sealed class EmulatorApplicationTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Create_InstanceListener_ServesAnonymousApexSoap()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = await emulator.GetAccessTokenAsync();
        using var client = emulator.CreateInstanceClient();
        var envelope = $"""
            <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cmd="http://soap.sforce.com/2006/08/apex">
            <env:Header><cmd:SessionHeader><cmd:sessionId>{token}</cmd:sessionId></cmd:SessionHeader></env:Header>
            <env:Body><executeAnonymous xmlns="http://soap.sforce.com/2006/08/apex"><apexcode>System.debug(1);</apexcode></executeAnonymous></env:Body>
            </env:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/services/Soap/s/66.0/{emulator.Org.OrgId15}")
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "executeAnonymous");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<success>true</success>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InstanceListener_PackageInstallRequestRoutesOutrankGenericSObjectRoutes()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:Seed=PrerequisitesOnly");
        using var client = emulator.CreateInstanceClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.GetAccessTokenAsync());
        const string RequestPath = "/services/data/v66.0/tooling/sobjects/PackageInstallRequest";

        using var created = await client.PostAsJsonAsync(RequestPath, new { SubscriberPackageVersionKey = ProviderPackage.VersionId15 },
            TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();
        var first = await client.GetFromJsonAsync<JsonElement>($"{RequestPath}/{id}", TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
        var second = await client.GetFromJsonAsync<JsonElement>($"{RequestPath}/{id}", TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("IN_PROGRESS", first.GetProperty("Status").GetString());
        Assert.Equal("SUCCESS", second.GetProperty("Status").GetString());
        Assert.Equal($"/services/data/v66.0/tooling/sobjects/PackageInstallRequest/{id}", second.GetProperty("attributes").GetProperty("url").GetString());
    }
}
