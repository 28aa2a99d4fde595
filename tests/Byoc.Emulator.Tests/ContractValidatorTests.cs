using System.Text.Json.Nodes;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Emulator.Tests;

[Trait("Category", "Contract")]
public sealed class ContractValidatorTests
{
    [Fact]
    public void Validate_DocumentedTextInteraction_NoErrors()
    {
        var json = Interactions.ScrtTestClient.TextInteraction(Guid.NewGuid().ToString(), "user-1", "Hi there");

        Assert.Empty(ContractValidator.Inbound.Validate(json, "InteractionRequestJson"));
    }

    [Fact]
    public void Validate_TwoInteractions_ViolatesMaxItems()
    {
        var json = Interactions.ScrtTestClient.TextInteraction(Guid.NewGuid().ToString(), "user-1", "Hi");
        json["interactions"]!.AsArray().Add(json["interactions"]![0]!.DeepClone());

        Assert.Contains(ContractValidator.Inbound.Validate(json, "InteractionRequestJson"), e => e.Contains("more than 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DiscriminatedEntryMissingRequiredField_ReportsIt()
    {
        var json = Interactions.ScrtTestClient.TextInteraction(Guid.NewGuid().ToString(), "user-1", "Hi");
        json["interactions"]![0]!["payload"]!["abstractMessage"]!["staticContent"]!.AsObject().Remove("text");

        var errors = ContractValidator.Inbound.Validate(json, "InteractionRequestJson");

        Assert.Contains(errors, e => e.Contains("'text'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WrongTypeAndEnum_ReportsBoth()
    {
        var participant = new JsonObject { ["appType"] = "martian", ["subject"] = 5, ["role"] = "EndUser" };

        var errors = ContractValidator.Outbound.Validate(participant, "Participant");

        Assert.Contains(errors, e => e.StartsWith("$.appType", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ErrorBody_RequiresCodeAndMessage()
    {
        Assert.Empty(ContractValidator.Inbound.Validate(new JsonObject { ["code"] = 10004, ["message"] = "x" }, "Error"));
        Assert.NotEmpty(ContractValidator.Inbound.Validate(new JsonObject { ["code"] = "10004" }, "Error"));
    }
}
