using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Tests.Soap;

namespace Byoc.Emulator.Tests.Apex;

public sealed class ApexSoapEndpointsTests
{
    private static readonly XNamespace s_env = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace s_apex = "http://soap.sforce.com/2006/08/apex";
    private static readonly XNamespace s_xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAnonymous_GuideScriptAsTheCliSendsIt_SucceedsWithSoapenvPrefix()
    {
        await using var host = await SoapTestHost.StartAsync();
        var bot = host.Store.Records("BotDefinition").Single().Id;
        var queue = host.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single().Id;
        var script = $"""
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'AgentforceChannel' LIMIT 1];
            channel.SessionHandlerId = '{bot}';
            channel.FallbackQueueId = '{queue}';
            update channel;
            System.debug('Updated MessagingChannel: ' + channel.Id + ' with SessionHandlerId: {bot}');

            """;

        using var response = await PostAsync(host, $"/services/Soap/s/66.0/{host.OrgId}", host.Tokens.Token, script, withBearer: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope ", text, StringComparison.Ordinal);
        Assert.Contains("<soapenv:Body><executeAnonymousResponse><result>", text, StringComparison.Ordinal);
        var result = ResultOf(text);
        Assert.Equal("true", result.Element(s_apex + "success")!.Value);
        Assert.Equal("true", result.Element(s_apex + "compiled")!.Value);
        Assert.Equal("-1", result.Element(s_apex + "line")!.Value);
        Assert.Equal("-1", result.Element(s_apex + "column")!.Value);
        foreach (var nil in new[] { "compileProblem", "exceptionMessage", "exceptionStackTrace" })
        {
            Assert.Equal("true", result.Element(s_apex + nil)!.Attribute(s_xsi + "nil")!.Value);
        }

        var log = XDocument.Parse(text).Root!.Element(s_env + "Header")!.Element(s_apex + "DebuggingInfo")!.Element(s_apex + "debugLog")!.Value;
        Assert.Contains("|USER_DEBUG|[5]|DEBUG|Updated MessagingChannel: ", log, StringComparison.Ordinal);
        Assert.Equal(bot, host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single().GetString("SessionHandlerId"));
    }

    [Fact]
    public async Task ExecuteAnonymous_SessionOnlyInEnvelopeWithoutOrgId_Succeeds()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, "/services/Soap/s/62.0", host.Tokens.Token, "System.debug('hi');", withBearer: false);

        var result = ResultOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", result.Element(s_apex + "success")!.Value);
    }

    [Fact]
    public async Task ExecuteAnonymous_CompileProblem_ReportsLineColumnAndProblem()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, $"/services/Soap/s/66.0/{host.OrgId}", host.Tokens.Token, "String s = 'a'\nupdate s;", withBearer: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = ResultOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("false", result.Element(s_apex + "compiled")!.Value);
        Assert.Equal("false", result.Element(s_apex + "success")!.Value);
        Assert.Equal("2", result.Element(s_apex + "line")!.Value);
        Assert.Equal("1", result.Element(s_apex + "column")!.Value);
        Assert.Equal("Missing ';' at 'update'", result.Element(s_apex + "compileProblem")!.Value);
    }

    [Fact]
    public async Task ExecuteAnonymous_RuntimeException_ReportsExceptionMessageAndStackTrace()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, $"/services/Soap/s/66.0/{host.OrgId}", host.Tokens.Token,
            "MessagingChannel c = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'Nope' LIMIT 1];", withBearer: true);

        var result = ResultOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", result.Element(s_apex + "compiled")!.Value);
        Assert.Equal("false", result.Element(s_apex + "success")!.Value);
        Assert.Equal("System.QueryException: List has no rows for assignment to SObject", result.Element(s_apex + "exceptionMessage")!.Value);
        Assert.Equal("AnonymousBlock: line 1, column 22", result.Element(s_apex + "exceptionStackTrace")!.Value);
    }

    [Theory]
    [InlineData("00D000000000001AAA!unknown", false)]
    [InlineData("00D000000000001AAA!unknown", true)]
    public async Task ExecuteAnonymous_InvalidSession_Is500FaultWithInvalidSessionId(string token, bool withBearer)
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, $"/services/Soap/s/66.0/{host.OrgId}", token, "System.debug(1);", withBearer);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Root!.Element(s_env + "Body")!.Element(s_env + "Fault")!;
        Assert.Equal("sf:INVALID_SESSION_ID", fault.Element("faultcode")!.Value);
        Assert.StartsWith("INVALID_SESSION_ID: ", fault.Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAnonymous_TokenOfAnotherOrgInPath_IsInvalidSession()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, "/services/Soap/s/66.0/00D5g0000000009", host.Tokens.Token, "System.debug(1);", withBearer: true);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task ExecuteAnonymous_NotXml_IsClientFault()
    {
        await using var host = await SoapTestHost.StartAsync();
        using var content = new StringContent("not xml <", Encoding.UTF8, "text/xml");

        using var response = await host.Client.PostAsync(new Uri("/services/Soap/s/66.0", UriKind.Relative), content, TestContext.Current.CancellationToken)
            .WaitAsync(s_timeout, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<faultcode>soapenv:Client</faultcode>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAnonymous_ControlCharacterInDebugOutput_StillWellFormedXml()
    {
        await using var host = await SoapTestHost.StartAsync();
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();
        host.Store.Write(w => w.Update(channel.Id, new Dictionary<string, object?> { ["MasterLabel"] = "bell\u0007" }));

        using var response = await PostAsync(host, "/services/Soap/s/66.0", host.Tokens.Token,
            "MessagingChannel c = [SELECT Id, MasterLabel FROM MessagingChannel LIMIT 1];\nSystem.debug(c.MasterLabel);", withBearer: false);

        var result = ResultOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", result.Element(s_apex + "success")!.Value);
    }

    private static XElement ResultOf(string xml) =>
        XDocument.Parse(xml).Root!.Element(s_env + "Body")!.Element(s_apex + "executeAnonymousResponse")!.Element(s_apex + "result")!;

    /// <summary>The envelope shape apex-node sends (org-emulation.md §4.6), source XML-escaped with ' as &amp;apos;.</summary>
    private static async Task<HttpResponseMessage> PostAsync(SoapTestHost host, string path, string token, string script, bool withBearer)
    {
        var escaped = SecurityElement.Escape(script);
        var envelope = $"""
            <env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cmd="http://soap.sforce.com/2006/08/apex" xmlns:apex="http://soap.sforce.com/2006/08/apex">
            <env:Header><cmd:SessionHeader><cmd:sessionId>{token}</cmd:sessionId></cmd:SessionHeader><apex:DebuggingHeader><apex:debugLevel>DEBUGONLY</apex:debugLevel></apex:DebuggingHeader></env:Header>
            <env:Body><executeAnonymous xmlns="http://soap.sforce.com/2006/08/apex"><apexcode>{escaped}</apexcode></executeAnonymous></env:Body>
            </env:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "executeAnonymous");
        if (withBearer)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
    }
}
