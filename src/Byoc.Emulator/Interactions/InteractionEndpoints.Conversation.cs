using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>The JSON endpoints: establish conversation, acknowledgements, capabilities.</summary>
internal static partial class InteractionEndpoints
{
    private static async Task<IResult> PostConversationAsync(
        HttpContext context, ScrtRequestValidator validator, ChannelResolver channels, OrgStore store, RoutingAttributes routing,
        CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(context.Request, out var caller, out var error))
        {
            return error.ToResult();
        }

        if (await ReadJsonAsync(context.Request, cancellationToken) is not { } body)
        {
            return InteractionError.Of(10100).ToResult();
        }

        if (body["participants"] is not JsonArray { Count: 1 } participants || participants[0] is not JsonObject participant)
        {
            return InteractionError.Of(10053).ToResult();
        }

        if (String(participant, "appType") != "custom")
        {
            return InteractionError.Of(10037).ToResult();
        }

        if (String(participant, "role") != "EndUser")
        {
            return InteractionError.Of(10038).ToResult();
        }

        var subject = String(participant, "subject");
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 255)
        {
            return InteractionError.Of(10054).ToResult();
        }

        if (!channels.TryResolve(String(body, "channelAddressIdentifier"), caller, 10052, 10070, out var channel, out error))
        {
            return error.ToResult();
        }

        if (!RoutingAttributes.TryRead(body, out var attributes))
        {
            return InteractionError.Of(10089).With("routingAttributes must map channel variable names to strings.").ToResult();
        }

        var (address, _) = store.Write(writer => ConversationRegistry.Join(writer, channel, subject));
        routing.Record(address.MessagingSessionId, attributes);
        return TypedResults.Json(new PostConversationResponse(address.ConversationIdentifier, WireSessionId(address), true),
            statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> PostAcknowledgementAsync(
        HttpContext context, ScrtRequestValidator validator, OrgStore store, CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(context.Request, out var caller, out var error))
        {
            return StatusError(error);
        }

        if (await ReadJsonAsync(context.Request, cancellationToken) is not { } body)
        {
            return StatusError(InteractionError.Of(10100));
        }

        if (!IsEndUser(body["sender"] as JsonObject))
        {
            return StatusError(InteractionError.Of(10089).With("sender must be {appType: custom, subject, role: EndUser}."));
        }

        var address = ConversationRegistry.Find(store, String(body, "conversationIdentifier"));
        if (address is null || store.Get(address.MessagingChannelId)?.GetString("ChannelDefinitionId") != caller.ChannelDefinition.Id)
        {
            return StatusError(InteractionError.Of(10018));
        }

        if (body["acknowledgements"] is not JsonArray { Count: >= 1 and <= 25 } acknowledgements)
        {
            return StatusError(InteractionError.Of(10089).With("Send 1 to 25 acknowledgements."));
        }

        var parsed = new List<(string EntryId, string Type, long Timestamp)>();
        foreach (var node in acknowledgements)
        {
            var type = String(node as JsonObject, "acknowledgementType");
            var entryId = String(node as JsonObject, "acknowledgedConversationEntryIdentifier");
            // The schema types the timestamp as a string; Salesforce's samples send a number (§12.6): both are read.
            if (type is not ("Read" or "Delivered") || string.IsNullOrEmpty(entryId) || !TryLong(node?["acknowledgementTimestamp"], out var timestamp))
            {
                return StatusError(InteractionError.Of(10089).With(
                    "Each acknowledgement needs acknowledgementType Read|Delivered, acknowledgedConversationEntryIdentifier and acknowledgementTimestamp."));
            }

            parsed.Add((entryId, type, timestamp));
        }

        // An acknowledgement names an entry of the conversation in the request: an entry of another conversation is refused
        // (Salesforce documents no code for it; 10089, invalid parameters, naming the entry), an entry the org does not know
        // is ignored, as before.
        var conversationRecordId = store.Lookup("Conversation", "ConversationIdentifier", address.ConversationIdentifier)[0].Id;
        if (parsed.FirstOrDefault(p => store.Lookup("ConversationEntry", "MessageIdentifier", p.EntryId)
            .Any(entry => store.Get(entry.GetString("ConversationId") ?? "")?.GetString("ConversationId") != conversationRecordId)) is { EntryId: { } foreign })
        {
            return StatusError(InteractionError.Of(10089).With(
                $"The conversation entry '{foreign}' does not belong to conversation '{address.ConversationIdentifier}'."));
        }

        store.Write(writer =>
        {
            foreach (var (entryId, type, _) in parsed.OrderBy(p => p.Timestamp))
            {
                foreach (var entry in writer.Lookup("ConversationEntry", "MessageIdentifier", entryId))
                {
                    // Read implies Delivered; a late Delivered never downgrades a Read.
                    if (entry.GetString("MessageStatus") != "Read")
                    {
                        writer.Update(entry.Id, new Dictionary<string, object?> { ["MessageStatus"] = type });
                    }
                }
            }
        });
        return TypedResults.Json(new SuccessResponse(true));
    }

    private static async Task<IResult> PatchCapabilitiesAsync(
        HttpContext context, ScrtRequestValidator validator, ChannelCapabilities capabilities, CancellationToken cancellationToken)
    {
        if (!validator.TryValidate(context.Request, out var caller, out var error))
        {
            return StatusError(error);
        }

        if (await ReadJsonAsync(context.Request, cancellationToken) is not { } body)
        {
            return StatusError(InteractionError.Of(10100));
        }

        if (body["capabilities"] is not JsonObject registration ||
            registration["channelCapabilities"] is not JsonArray { Count: > 0 } channelCapabilities)
        {
            return StatusError(InteractionError.Of(10089).With("capabilities.channelCapabilities is required."));
        }

        foreach (var node in channelCapabilities)
        {
            var capability = node as JsonObject;
            var integration = capability?["customIntegration"] as JsonObject;
            if (String(integration, "customIntegrationType") != "CustomChannelIntegration" ||
                !string.Equals(String(integration, "conversationChannelDefinitionDevName"), caller.ChannelDefinitionName, StringComparison.Ordinal))
            {
                return StatusError(InteractionError.Of(10050));
            }

            if (capability?["messageTypeCapabilities"] is not JsonArray { Count: > 0 })
            {
                return StatusError(InteractionError.Of(10089).With("messageTypeCapabilities needs at least one entry."));
            }

            if (capability.ContainsKey("progressIndicatorTypeCapabilities") &&
                capability["progressIndicatorTypeCapabilities"] is not JsonArray { Count: > 0 })
            {
                return StatusError(InteractionError.Of(10098));
            }
        }

        foreach (var node in channelCapabilities)
        {
            capabilities.Register(caller.ChannelDefinition.Id, (JsonObject)node!);
        }

        return TypedResults.Json(new SuccessResponse(true));
    }

    /// <summary>
    /// Errors of the endpoints whose documented error body is their normal response (<c>AcknowledgementResponse</c>,
    /// <c>RegisterCapabilitiesResponse</c>): <c>success:false</c> with <c>errorDetail</c>, plus <c>code</c> and <c>message</c> at the top
    /// level so that clients reading the common <c>Error</c> shape see them too.
    /// </summary>
    private static JsonHttpResult<StatusErrorResponse> StatusError(InteractionError error) =>
        TypedResults.Json(new StatusErrorResponse(false, new InteractionErrorBody(error.Code, error.Message), error.Code, error.Message),
            statusCode: error.StatusCode);
}
