using System.Text.Json.Nodes;
using Byoc.Connector.Salesforce;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Connector.Tests.Salesforce;

public sealed class CapabilitiesWorkerTests
{
    [Fact]
    [Trait("Category", "Contract")]
    public async Task Start_RegisterCapabilitiesOn_PatchesCapabilitiesMatchingTheContract()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken, null,
            "--Connector:Salesforce:RegisterCapabilities=true");

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/capabilities"));

        var request = host.Scrt.Requests.Single(r => r.Path == "/api/v1/capabilities");
        Assert.Equal("PATCH", request.Method);
        var body = JsonNode.Parse(request.BodyText);
        Assert.Empty(OpenApiContract.Inbound.Validate("CapabilitiesRequest", body));
        var integration = body!["capabilities"]!["channelCapabilities"]![0]!["customIntegration"]!;
        Assert.Equal(("00Dxx0000001gEH", "Partner1_ChannelDefinition1"),
            (integration["integrationNamespace"]!.GetValue<string>(), integration["conversationChannelDefinitionDevName"]!.GetValue<string>()));
    }

    [Fact]
    public void Create_Request_DeclaresTextChoicesAndProgress()
    {
        var body = CapabilitiesRequestFactory.Create("ns", "CCD");

        var types = body["capabilities"]!["channelCapabilities"]![0]!["messageTypeCapabilities"]!.AsArray()
            .Select(m => m!["messageType"]!.GetValue<string>());
        Assert.Equal(["StaticContentMessage", "ChoicesMessage"], types);
        ContractValidator.InboundWhenPresent?.AssertValid(body, "CapabilitiesRequest");
    }

    [Fact]
    public void Create_Request_ChoicesIncludeTimePicker()
    {
        var body = CapabilitiesRequestFactory.Create("ns", "CCD");

        var choices = body["capabilities"]!["channelCapabilities"]![0]!["messageTypeCapabilities"]!.AsArray()
            .Single(m => m!["messageType"]!.GetValue<string>() == "ChoicesMessage")!;
        Assert.Equal(["Buttons", "QuickReplies", "ListPicker", "TimePicker"],
            choices["formatTypeCapabilities"]!.AsArray().Select(f => f!["formatType"]!.GetValue<string>()));
    }
}
