using System.Net;
using System.Text;
using System.Xml.Linq;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Org.Settings;
using Byoc.Emulator.Tests.Soap;

namespace Byoc.Emulator.Tests.Metadata;

public sealed class MetadataSoapEndpointsTests
{
    private static readonly XNamespace s_env = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace s_md = "http://soap.sforce.com/2006/04/metadata";
    private static readonly XNamespace s_xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DeployThenCheck_Queue_QueuedThenInProgressThenSucceededWithDetails()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);
        var zip = Convert.ToBase64String(DeployZip.Queue().Build());

        var deployed = await CallAsync(host, host.Tokens.Token, $"""
            <deploy><ZipFile>{zip}</ZipFile><DeployOptions><allowMissingFiles>false</allowMissingFiles><autoUpdatePackage>false</autoUpdatePackage><checkOnly>false</checkOnly><ignoreWarnings>false</ignoreWarnings><performRetrieve>false</performRetrieve><purgeOnDelete>false</purgeOnDelete><rollbackOnError>true</rollbackOnError><runAllTests>false</runAllTests><singlePackage>true</singlePackage><testLevel>NoTestRun</testLevel></DeployOptions></deploy>
            """);

        var deployResult = ResultOf(deployed, "deployResponse");
        Assert.Equal("false", deployResult.Element(s_md + "done")!.Value);
        Assert.Equal("Queued", deployResult.Element(s_md + "state")!.Value);
        var id = deployResult.Element(s_md + "id")!.Value;
        Assert.StartsWith("0Af", id, StringComparison.Ordinal);

        var first = ResultOf(await CheckAsync(host, id), "checkDeployStatusResponse");
        Assert.Equal(("false", "InProgress"), (first.Element(s_md + "done")!.Value, first.Element(s_md + "status")!.Value));

        var final = ResultOf(await CheckAsync(host, id), "checkDeployStatusResponse");
        Assert.Equal(("true", "Succeeded", "true"), (final.Element(s_md + "done")!.Value, final.Element(s_md + "status")!.Value, final.Element(s_md + "success")!.Value));
        foreach (var field in new[] { "id", "checkOnly", "ignoreWarnings", "rollbackOnError", "runTestsEnabled", "createdBy", "createdByName", "createdDate",
            "startDate", "lastModifiedDate", "completedDate", "numberComponentsTotal", "numberComponentsDeployed", "numberComponentErrors",
            "numberTestsTotal", "numberTestsCompleted", "numberTestErrors" })
        {
            Assert.NotNull(final.Element(s_md + field));
        }

        Assert.Equal(("1", "1", "0"), (final.Element(s_md + "numberComponentsTotal")!.Value, final.Element(s_md + "numberComponentsDeployed")!.Value, final.Element(s_md + "numberComponentErrors")!.Value));
        var successes = final.Element(s_md + "details")!.Elements(s_md + "componentSuccesses").ToList();
        Assert.Equal(["package.xml", "queues/AgentforceChannel_Queue.queue"], successes.Select(s => s.Element(s_md + "fileName")!.Value));
        var queue = successes[1];
        Assert.Equal(("Queue", "AgentforceChannel_Queue", "true", "false"),
            (queue.Element(s_md + "componentType")!.Value, queue.Element(s_md + "fullName")!.Value, queue.Element(s_md + "created")!.Value, queue.Element(s_md + "changed")!.Value));
        Assert.Equal("0", final.Element(s_md + "details")!.Element(s_md + "runTestResult")!.Element(s_md + "numFailures")!.Value);
        Assert.Single(host.Store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
    }

    [Fact]
    public async Task Check_FailedComponent_ReportsComponentFailure()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);
        var zip = Convert.ToBase64String(new DeployZip().Add("Workflow", "Case", "workflows/Case.workflow", DeployZip.Md("Workflow", "")).Build());
        var id = ResultOf(await CallAsync(host, host.Tokens.Token, $"<deploy><ZipFile>{zip}</ZipFile><DeployOptions><rollbackOnError>true</rollbackOnError></DeployOptions></deploy>"), "deployResponse")
            .Element(s_md + "id")!.Value;

        await CheckAsync(host, id);
        var final = ResultOf(await CheckAsync(host, id), "checkDeployStatusResponse");

        Assert.Equal(("Failed", "false"), (final.Element(s_md + "status")!.Value, final.Element(s_md + "success")!.Value));
        var failure = Assert.Single(final.Element(s_md + "details")!.Elements(s_md + "componentFailures"));
        Assert.Equal(("Workflow", "Case", "Error", "false"),
            (failure.Element(s_md + "componentType")!.Value, failure.Element(s_md + "fullName")!.Value, failure.Element(s_md + "problemType")!.Value, failure.Element(s_md + "success")!.Value));
        Assert.NotEmpty(failure.Element(s_md + "problem")!.Value);
    }

    [Fact]
    public async Task Deploy_InvalidSession_Is500InvalidSessionIdFault()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, "00D000000000001!nope", "<checkDeployStatus><asyncProcessId>0Af5g0000000001</asyncProcessId></checkDeployStatus>");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<faultcode>sf:INVALID_SESSION_ID</faultcode>", text, StringComparison.Ordinal);
        Assert.Contains("<soapenv:Fault>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownId_IsFault()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await PostAsync(host, host.Tokens.Token, "<checkDeployStatus><asyncProcessId>0Af5g0000000099</asyncProcessId><includeDetails>true</includeDetails></checkDeployStatus>");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<faultcode>sf:INVALID_CROSS_REFERENCE_KEY</faultcode>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMetadata_OmniChannelSettings_FollowsTheOrgBeforeAndAfterADeploy()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);

        var before = Assert.Single(ResultOf(await ReadAsync(host, "OmniChannelSettings", "OmniChannel"), "readMetadataResponse").Elements(s_md + "records"));
        Assert.Equal("OmniChannelSettings", before.Attribute(s_xsi + "type")!.Value);
        Assert.Equal(("OmniChannel", "false"), (before.Element(s_md + "fullName")!.Value, before.Element(s_md + "enableOmniChannel")!.Value));

        var zip = Convert.ToBase64String(DeployZip.OmniChannel().Build());
        var id = ResultOf(await CallAsync(host, host.Tokens.Token, $"<deploy><ZipFile>{zip}</ZipFile><DeployOptions><rollbackOnError>true</rollbackOnError></DeployOptions></deploy>"), "deployResponse")
            .Element(s_md + "id")!.Value;
        await CheckAsync(host, id);
        Assert.Equal("Succeeded", ResultOf(await CheckAsync(host, id), "checkDeployStatusResponse").Element(s_md + "status")!.Value);
        var after = ResultOf(await ReadAsync(host, "OmniChannelSettings", "OmniChannel"), "readMetadataResponse").Element(s_md + "records")!;
        Assert.Equal("true", after.Element(s_md + "enableOmniChannel")!.Value);

        host.Store.Write(w => OrgSettings.Set(w, "OmniChannel", "enableOmniChannel", "false"));
        var disabled = ResultOf(await ReadAsync(host, "OmniChannelSettings", "OmniChannel"), "readMetadataResponse").Element(s_md + "records")!;
        Assert.Equal("false", disabled.Element(s_md + "enableOmniChannel")!.Value);
    }

    [Fact]
    public async Task ReadMetadata_OmniChannelSettings_OnInASetUpOrg()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.Complete);

        var record = ResultOf(await ReadAsync(host, "OmniChannelSettings", "OmniChannel"), "readMetadataResponse").Element(s_md + "records")!;

        Assert.Equal("true", record.Element(s_md + "enableOmniChannel")!.Value);
    }

    [Fact]
    public async Task ReadMetadata_UnknownFullName_IsAnEmptyRecordInItsPlace()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);

        var records = ResultOf(await ReadAsync(host, "OmniChannelSettings", "Nope", "OmniChannel"), "readMetadataResponse").Elements(s_md + "records").ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal("true", records[0].Attribute(s_xsi + "nil")!.Value);
        Assert.Empty(records[0].Elements());
        Assert.Equal("OmniChannel", records[1].Element(s_md + "fullName")!.Value);
    }

    [Theory]
    [InlineData("<readMetadata><type>Queue</type><fullNames>AgentforceChannel_Queue</fullNames></readMetadata>", "sf:INVALID_TYPE", "Queue")]
    [InlineData("<readMetadata><type>OmniChannelSettings</type></readMetadata>", "soapenv:Client", "fullNames")]
    public async Task ReadMetadata_UnreadableRequest_IsFaultNamingTheProblem(string operation, string code, string named)
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);

        using var response = await PostAsync(host, host.Tokens.Token, operation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Descendants(s_env + "Fault").Single();
        Assert.Equal(code, fault.Element("faultcode")!.Value);
        Assert.Contains(named, fault.Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(SoapTestHost host, string type, params string[] fullNames) =>
        await CallAsync(host, host.Tokens.Token, $"<readMetadata><type>{type}</type>{string.Concat(fullNames.Select(n => $"<fullNames>{n}</fullNames>"))}</readMetadata>");

    private static async Task<string> CheckAsync(SoapTestHost host, string id) =>
        await CallAsync(host, host.Tokens.Token, $"<checkDeployStatus><asyncProcessId>{id}</asyncProcessId><includeDetails>true</includeDetails></checkDeployStatus>");

    private static async Task<string> CallAsync(SoapTestHost host, string token, string operation)
    {
        using var response = await PostAsync(host, token, operation);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope", text, StringComparison.Ordinal);
        return text;
    }

    private static XElement ResultOf(string xml, string operation) =>
        XDocument.Parse(xml).Root!.Element(s_env + "Body")!.Element(s_md + operation)!.Element(s_md + "result")!;

    /// <summary>The envelope jsforce sends: metadata namespace as default, session only in the header, no Authorization.</summary>
    private static async Task<HttpResponseMessage> PostAsync(SoapTestHost host, string token, string operation)
    {
        var envelope = $"""
            <?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://soap.sforce.com/2006/04/metadata"><soapenv:Header><SessionHeader><sessionId>{token}</sessionId></SessionHeader><CallOptions><client>sfdx toolbelt:</client></CallOptions></soapenv:Header><soapenv:Body>{operation}</soapenv:Body></soapenv:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/services/Soap/m/66.0", UriKind.Relative))
        {
            Content = new StringContent(envelope, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "\"\"");
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
    }
}
