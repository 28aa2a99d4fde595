using System.Text.Json.Nodes;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Emulator.Tests;

/// <summary>
/// The contract validator refuses a body that breaks each validation keyword the official contracts use: <c>type</c>
/// (including the contracts' <c>int</c>), <c>enum</c>, <c>required</c>, <c>properties</c>, <c>items</c>, <c>minItems</c>,
/// <c>maxItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>additionalProperties</c> (<c>false</c> and a schema),
/// <c>$ref</c>, <c>allOf</c>, <c>discriminator</c> (with and without <c>mapping</c>) and <c>nullable</c>. The others
/// (<c>description</c>, <c>example</c>, <c>title</c>, <c>format</c>, <c>deprecated</c>) are annotations.
/// </summary>
[Trait("Category", "Contract")]
public sealed class ContractValidatorTests
{
    public static TheoryData<string, string, string, string> BadInboundBodies => new()
    {
        // schema, body, where the error is, keyword
        { "Participant", """{"appType":"custom","subject":5,"role":"EndUser"}""", "$.subject", "type" },
        { "Participant", """{"appType":"custom","subject":null,"role":"EndUser"}""", "$.subject", "type" },
        { "Participant", """{"appType":"martian","subject":"u1","role":"EndUser"}""", "$.appType", "enum" },
        { "Participant", """{"appType":"custom","subject":"u1"}""", "$", "required" },
        { "Error", """{"code":"10004","message":"x"}""", "$.code", "type" },
        // additionalProperties: false refuses each extra property with the false schema, at that property.
        { "RecordReference", """{"recordId":"0Mw000000000001","id":"r1","extra":1}""", "$.extra", "false" },
        { "RoutingResultRequest", """{"conversationIdentifier":"c1","workItemId":"0Mw","success":true,"externallyRouted":false}""", "$.workItemId", "minLength" },
        { "InteractionRequestJson", Text(to: new string('a', 241)), "$.to", "maxLength" },
        { "InteractionRequestJson", Text(routingAttributes: """{"k":5}"""), "$.routingAttributes.k", "type" },
        { "InteractionRequestJson", """{"to":"a","from":"u1","interactions":[]}""", "$.interactions", "minItems" },
        { "InteractionRequestJson", Text(interactions: $"[{Interaction()},{Interaction()}]"), "$.interactions", "maxItems" },
        { "InteractionRequestJson", Text(interactions: """["not an interaction"]"""), "$.interactions[0]", "type" },
        { "InteractionRequestJson", Text(interactions: """[{"interactionType":"Bogus","timestamp":1}]"""), "$.interactions[0].interactionType", "enum" },
        { "InteractionRequestJson", Text(staticContent: """{"formatType":"Buttons","text":"x"}"""), StaticContent + ".formatType", "enum" },
        { "InteractionRequestJson", Text(staticContent: """{"formatType":"Text"}"""), StaticContent, "required" },
        { "InteractionRequestJson", Text(interactions: $"[{Interaction(payload: """{"id":"e1","entryType":"TypingStartedIndicator"}""")}]"), "$.interactions[0].payload", "required" },
        { "InteractionRequestJson", Text(interactions: $"[{Interaction(payload: """{"id":"e1"}""")}]"), "$.interactions[0].payload", "required" },
    };

    private const string StaticContent = "$.interactions[0].payload.abstractMessage.staticContent";

    [Theory]
    [MemberData(nameof(BadInboundBodies))]
    public void Validate_BodyBreakingAKeyword_RefusedAtItsLocation(string schema, string body, string location, string keyword)
    {
        var errors = ContractValidator.Inbound.Validate(JsonNode.Parse(body), schema);

        Assert.True(
            errors.Any(e => e.StartsWith(location + ": ", StringComparison.Ordinal) && e.EndsWith($"({keyword})", StringComparison.Ordinal)),
            string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Validate_DocumentedTextInteraction_NoErrors()
    {
        var json = Interactions.ScrtTestClient.TextInteraction(Guid.NewGuid().ToString(), "user-1", "Hi there");

        Assert.Empty(ContractValidator.Inbound.Validate(json, "InteractionRequestJson"));
    }

    [Fact]
    public void Validate_NullableCaptionAndTypingWithTimestamp_NoErrors()
    {
        var attachment = Text(interactions: """[{"interactionType":"AttachmentInteraction","timestamp":1,"id":"f1","attachmentIndex":0,"contentLength":3,"text":null}]""");
        var typing = Text(interactions: $"[{Interaction(payload: """{"id":"e1","entryType":"TypingStartedIndicator","timestamp":1}""")}]");

        Assert.Empty(ContractValidator.Inbound.Validate(JsonNode.Parse(attachment), "InteractionRequestJson"));
        Assert.Empty(ContractValidator.Inbound.Validate(JsonNode.Parse(typing), "InteractionRequestJson"));
        Assert.Empty(ContractValidator.Inbound.Validate(new JsonObject { ["code"] = 10004, ["message"] = "x" }, "Error"));
    }

    [Fact]
    public void Validate_OutboundParticipantWrongTypeAndEnum_ReportsBoth()
    {
        var participant = new JsonObject { ["appType"] = "martian", ["subject"] = 5, ["role"] = "EndUser" };

        var errors = ContractValidator.Outbound.Validate(participant, "Participant");

        Assert.Contains(errors, e => e.StartsWith("$.appType", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.subject", StringComparison.Ordinal));
    }

    [Fact]
    public void AssertValid_Violation_ThrowsNamingTheSchemaAndTheBody()
    {
        var exception = Assert.Throws<ContractViolationException>(
            () => ContractValidator.Inbound.AssertValid("""{"appType":"custom","subject":"u1"}""", "Participant"));

        Assert.Contains("Participant violated", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"subject\":\"u1\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSchema_Throws() =>
        Assert.Throws<ArgumentException>(() => ContractValidator.Inbound.Validate(new JsonObject(), "NoSuchSchema"));

    private static string Interaction(string? payload = null, string? staticContent = null)
    {
        var message = """{"id":"e1","entryType":"Message","abstractMessage":{"messageType":"StaticContentMessage","id":"e1","staticContent":"""
            + (staticContent ?? """{"formatType":"Text","text":"Hi"}""") + "}}";
        return """{"timestamp":1718000000000,"interactionType":"EntryInteraction","payload":""" + (payload ?? message) + "}";
    }

    private static string Text(string to = "a", string? routingAttributes = null, string? interactions = null, string? staticContent = null) =>
        "{\"to\":" + JsonValue.Create(to).ToJsonString() + ",\"from\":\"u1\"," +
        (routingAttributes is null ? "" : "\"routingAttributes\":" + routingAttributes + ",") +
        "\"interactions\":" + (interactions ?? $"[{Interaction(staticContent: staticContent)}]") + "}";
}
