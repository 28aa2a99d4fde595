using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Tests.PubSub;
using Byoc.Emulator.Tests.PubSub.Client;

namespace Byoc.Emulator.Tests.Soap;

/// <summary>
/// The SOAP API's login() as Salesforce's Pub/Sub quick start uses it: post the envelope, read serverUrl, sessionId and
/// userInfo/organizationId, then call REST and Pub/Sub with them. Raw XML, written from the SOAP API Developer Guide.
/// </summary>
public sealed class SoapLoginTests
{
    private static readonly XNamespace s_partner = "urn:partner.soap.sforce.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_PartnerApi_SessionServesRestAndPubSub()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var password = await File.ReadAllTextAsync(Path.Combine(emulator.StateDirectory, "user-password.txt"), Ct);

        var (status, body) = await PostAsync(emulator, "/services/Soap/u/66.0", Login(SeededOrg.IntegrationUsername, password));

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.Descendants(s_partner + "result").Single();
        var sessionId = result.Element(s_partner + "sessionId")!.Value;
        var serverUrl = result.Element(s_partner + "serverUrl")!.Value;
        var orgId = result.Element(s_partner + "userInfo")!.Element(s_partner + "organizationId")!.Value;
        Assert.Equal($"{emulator.Addresses.InstanceUrl.ToString().TrimEnd('/')}/services/Soap/u/66.0/{emulator.Org.OrgId15}", serverUrl);
        Assert.Equal(SeededOrg.IntegrationUsername, result.Element(s_partner + "userInfo")!.Element(s_partner + "userName")!.Value);
        Assert.Equal("7200", result.Element(s_partner + "userInfo")!.Element(s_partner + "sessionSecondsValid")!.Value);

        using var rest = emulator.CreateInstanceClient();
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        using var query = await rest.GetAsync("/services/data/v66.0/query?q=SELECT+Id+FROM+Organization", Ct);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);

        var instanceUrl = serverUrl[..serverUrl.IndexOf("/services", StringComparison.Ordinal)];
        using var pubSub = new PubSubTestClient(emulator.Addresses.PubSubUrl, sessionId, instanceUrl, orgId,
            emulator.Addresses.PubSubTls ? Path.Combine(emulator.StateDirectory, "pubsub-ca.pem") : null);
        var topic = await pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = PubSubTestClient.Topic }, pubSub.Metadata, cancellationToken: Ct);
        Assert.False(string.IsNullOrEmpty(topic.SchemaId));
    }

    [Theory]
    [InlineData(SeededOrg.IntegrationUsername, "wrong")]
    [InlineData("nobody@byoc.emulated", null)]
    [InlineData("", null)]
    public async Task Login_BadCredentials_InvalidLoginFault(string username, string? password)
    {
        await using var emulator = await TestEmulator.StartAsync();
        password ??= await File.ReadAllTextAsync(Path.Combine(emulator.StateDirectory, "user-password.txt"), Ct);

        var (status, body) = await PostAsync(emulator, "/services/Soap/u/66.0", Login(username, password));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("sf:INVALID_LOGIN", body.Descendants("faultcode").Single().Value);
        Assert.Equal("INVALID_LOGIN", body.Descendants(s_partner + "exceptionCode").Single().Value);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndOtherOperationsAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var password = await File.ReadAllTextAsync(Path.Combine(emulator.StateDirectory, "user-password.txt"), Ct);
        XNamespace enterprise = "urn:enterprise.soap.sforce.com";
        var (_, login) = await PostAsync(emulator, "/services/Soap/c/66.0", Login(SeededOrg.IntegrationUsername, password, enterprise));
        var sessionId = login.Descendants(enterprise + "sessionId").Single().Value;

        var (queryStatus, query) = await PostAsync(emulator, "/services/Soap/c/66.0", WithSession(sessionId, enterprise, new XElement(enterprise + "query",
            new XElement(enterprise + "queryString", "SELECT Id FROM User")), enterprise));
        var (logoutStatus, _) = await PostAsync(emulator, "/services/Soap/c/66.0", WithSession(sessionId, enterprise, new XElement(enterprise + "logout"), enterprise));
        var (againStatus, again) = await PostAsync(emulator, "/services/Soap/c/66.0", WithSession(sessionId, enterprise, new XElement(enterprise + "logout"), enterprise));

        Assert.Equal((HttpStatusCode.InternalServerError, "sf:INVALID_OPERATION"), (queryStatus, query.Descendants("faultcode").Single().Value));
        Assert.Equal(HttpStatusCode.OK, logoutStatus);
        Assert.Equal((HttpStatusCode.InternalServerError, "sf:INVALID_SESSION_ID"), (againStatus, again.Descendants("faultcode").Single().Value));
        Assert.Null(emulator.Get<Byoc.Emulator.Auth.IAccessTokens>().Validate(sessionId));
    }

    private static XDocument Login(string username, string password, XNamespace? ns = null)
    {
        ns ??= s_partner;
        return Envelope(null, new XElement(ns + "login", new XElement(ns + "username", username), new XElement(ns + "password", password)));
    }

    private static XDocument WithSession(string sessionId, XNamespace ns, XElement operation, XNamespace headerNs) =>
        Envelope(new XElement(headerNs + "SessionHeader", new XElement(headerNs + "sessionId", sessionId)), operation);

    private static XDocument Envelope(XElement? header, XElement operation)
    {
        XNamespace env = "http://schemas.xmlsoap.org/soap/envelope/";
        return new XDocument(new XElement(env + "Envelope", new XAttribute(XNamespace.Xmlns + "env", env),
            header is null ? null : new XElement(env + "Header", header), new XElement(env + "Body", operation)));
    }

    private static async Task<(HttpStatusCode Status, XDocument Body)> PostAsync(TestEmulator emulator, string path, XDocument envelope)
    {
        using var client = emulator.CreateInstanceClient();
        using var content = new StringContent(envelope.ToString(), Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", "login");
        using var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)));
    }
}
