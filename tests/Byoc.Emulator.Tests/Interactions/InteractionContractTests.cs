using System.Net;
using System.Text.Json.Nodes;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Emulator.Tests.Interactions;

/// <summary>
/// The emulated Interaction Service API answers every documented endpoint with bodies that match
/// inbound-interaction-api.yaml: the client checks each request it sends and each response, success or error.
/// </summary>
[Trait("Category", "Contract")]
public sealed class InteractionContractTests
{
    [Fact]
    public async Task PostInteractions_TextAndTyping_RequestsAndResponsesMatchContract()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ContractClientAsync(emulator);
        var typing = ScrtTestClient.Interaction(client.ChannelAddress, "user-1", new JsonObject
        {
            ["timestamp"] = 1718000000000,
            ["interactionType"] = "EntryInteraction",
            ["payload"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["entryType"] = "TypingStartedIndicator",
                ["timestamp"] = 1718000000000,
            },
        });

        var (textStatus, _) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "Hi"));
        var (typingStatus, _) = await client.PostInteractionAsync(typing);

        Assert.Equal(HttpStatusCode.Accepted, textStatus);
        Assert.Equal(HttpStatusCode.Accepted, typingStatus);
    }

    [Fact]
    public async Task PostInteractions_UnknownChannelAddress_ErrorBodyMatchesContract()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ContractClientAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(Guid.NewGuid().ToString(), "user-1", "Hi"));

        Assert.True((int)status >= 400);
        Assert.NotNull(body["code"]);
    }

    [Fact]
    public async Task ConversationAcknowledgementAndCapabilities_RequestsAndResponsesMatchContract()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ContractClientAsync(emulator);
        var conversation = new JsonObject
        {
            ["channelAddressIdentifier"] = client.ChannelAddress,
            ["participants"] = new JsonArray(new JsonObject { ["subject"] = "user-9", ["role"] = "EndUser", ["appType"] = "custom" }),
        };
        var (_, accepted) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        var acknowledgements = InteractionEndpointsTests.Acknowledgements(
            accepted["conversationIdentifier"]!.GetValue<string>(), ("Delivered", Guid.NewGuid().ToString(), 1718000000001));

        var (conversationStatus, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/conversation", conversation);
        var (acknowledgementStatus, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/acknowledgement", acknowledgements);
        var (capabilitiesStatus, _) = await client.SendJsonAsync(
            HttpMethod.Patch, "/api/v1/capabilities", InteractionEndpointsTests.Capabilities("Byoc_ChannelDefinition"));

        Assert.Equal(HttpStatusCode.Accepted, conversationStatus);
        Assert.Equal(HttpStatusCode.OK, acknowledgementStatus);
        Assert.Equal(HttpStatusCode.OK, capabilitiesStatus);
    }

    private static async Task<ScrtTestClient> ContractClientAsync(TestEmulator emulator)
    {
        var contract = ContractValidator.Inbound;
        var client = await ScrtTestClient.CreateAsync(emulator);
        client.Contract = contract;
        return client;
    }
}
